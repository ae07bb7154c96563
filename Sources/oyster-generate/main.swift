// oyster-generate: not implemented yet (see the open issues).
import Foundation

FileHandle.standardError.write(Data("oyster-generate: error: not implemented yet\n".utf8))
exit(2)
