/* Force the five libm functions glibc 2.29 re-versioned to their old symbol versions, so that code compiled
 * in the Debian 11 root (glibc 2.31) runs with glibc 2.28 (统信UOS 20, 银河麒麟 V10). Included into every
 * C file of the libraries built by packaging/build-linux-glibc228.sh (CFLAGS="-include ..."). */
#if defined(__x86_64__)
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
#elif defined(__aarch64__)
__asm__(".symver exp,exp@GLIBC_2.17");
__asm__(".symver log,log@GLIBC_2.17");
__asm__(".symver pow,pow@GLIBC_2.17");
__asm__(".symver exp2,exp2@GLIBC_2.17");
__asm__(".symver log2,log2@GLIBC_2.17");
#endif
