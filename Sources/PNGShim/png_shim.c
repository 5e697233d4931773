#include "PNGShim.h"
#include <png.h>
