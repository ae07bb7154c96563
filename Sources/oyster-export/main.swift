// oyster-export: not implemented yet (see the open issues).
import Foundation

FileHandle.standardError.write(Data("oyster-export: error: not implemented yet\n".utf8))
exit(2)
