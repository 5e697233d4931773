#include "CEmbeddedModels.h"
