/* Writes ycck.jpg: the CMYK blocks of make_fixtures.py stored as Adobe YCCK
 * (which Pillow cannot write). Build: cc make_ycck.c -ljpeg -o /tmp/make_ycck */
#include <stdio.h>
#include <jpeglib.h>

int main(void) {
    static const unsigned char blocks[4][4] = { {0, 200, 200, 0}, {200, 0, 200, 30}, {200, 200, 0, 60}, {0, 0, 0, 0} };
    unsigned char row[32 * 4];
    struct jpeg_compress_struct cinfo;
    struct jpeg_error_mgr jerr;
    FILE *out = fopen("ycck.jpg", "wb");
    if (out == NULL) return 1;
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&cinfo);
    jpeg_stdio_dest(&cinfo, out);
    cinfo.image_width = 32;
    cinfo.image_height = 32;
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&cinfo);
    jpeg_set_colorspace(&cinfo, JCS_YCCK);
    jpeg_set_quality(&cinfo, 95, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < 32) {
        int y = cinfo.next_scanline;
        for (int x = 0; x < 32; x++) {
            const unsigned char *cmyk = blocks[(y / 16) * 2 + x / 16];
            /* Adobe convention: stored inverted (255 - ink). */
            for (int c = 0; c < 4; c++) row[x * 4 + c] = (unsigned char)(255 - cmyk[c]);
        }
        JSAMPROW rows[1] = { row };
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    fclose(out);
    return 0;
}
