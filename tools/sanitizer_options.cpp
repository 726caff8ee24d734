// Default runtime options of the sanitized builds (COLOPHON_SANITIZE), linked into every target
// so that a hand-run of build/asan/... behaves as the tests do.
//
// LeakSanitizer follows each thread's dynamic TLS by intercepting __tls_get_addr and guesses the
// layout of glibc's blocks from their address; with the libraries the PDF/OCR module dlopens, the
// guess can be wrong and the leak check at exit then scans a bogus range and dies ("Tracer caught
// signal 11", google/sanitizers#1322). Without the interception LSan still scans static TLS,
// stacks, globals and the heap; only blocks reachable solely from dynamic TLS go unseen.
extern "C" const char *__asan_default_options()
{
    return "intercept_tls_get_addr=0";
}
