// store stage (issue 5).
#include "extractor/store/store.h"
