#ifndef TM_CLIBXML2_SHIM_H
#define TM_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and its encoding.h then includes ICU's headers, whose
   `UErrorCode` clashes with Foundation's bundled ICU in the same Swift module. tm never touches
   the ICU fields of xmlCharEncodingHandler, so leave ICU out of this module's view. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/globals.h>
#include <libxml/xmlIO.h>

/// Swift 6 cannot read the global function pointer `xmlFree` (it is mutable global state),
/// so owned strings are released through this inline wrapper.
static inline void tm_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// Silences libxml2's default generic error printer (it writes to stderr from inside the
/// parser); the reader collects errors through its own handler instead.
static void tm_silentGenericError(void *context, const char *message, ...) {
    (void)context; (void)message;
}

/// Makes the silent printer the default for threads created later and for the calling thread.
static inline void tm_silenceGenericErrorsByDefault(void) {
    xmlThrDefSetGenericErrorFunc(NULL, tm_silentGenericError);
    xmlSetGenericErrorFunc(NULL, tm_silentGenericError);
}

#endif
