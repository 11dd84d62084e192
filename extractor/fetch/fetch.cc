// fetch stage (issue 4).
#include "extractor/fetch/fetch.h"
