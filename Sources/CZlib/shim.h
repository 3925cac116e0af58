// zlib, for the raw deflate streams inside zip archives (the ECB's eurofxref-hist.zip).
#ifndef TRADECREDIT_CZLIB_SHIM_H
#define TRADECREDIT_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro; Swift needs a function.
static inline int czlib_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
