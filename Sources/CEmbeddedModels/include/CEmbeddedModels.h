// CEmbeddedModels: the trained model files built into the aez binary.
//
// The bytes of each model file under include/models/ are placed in the binary's read-only
// data by the assembler's .incbin directive, so the binary works when copied alone.
#ifndef CEMBEDDEDMODELS_H
#define CEMBEDDEDMODELS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One embedded model file: its name and bytes.
typedef struct {
  const char *name;
  const unsigned char *bytes;
  size_t length;
} aez_embedded_model;

/// The number of embedded model files.
int aez_embedded_model_count(void);

/// The embedded model file at `index` (0 ..< count); all fields are zero outside that range.
aez_embedded_model aez_embedded_model_at(int index);

#ifdef __cplusplus
}
#endif

#endif
