#ifndef PNGSHIM_H
#define PNGSHIM_H
#endif
