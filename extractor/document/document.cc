// document stage: the Document value type lives in document.h; parsing comes
// with the fetch/document work.
#include "extractor/document/document.h"
