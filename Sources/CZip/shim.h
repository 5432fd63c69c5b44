#ifndef BYTEK_CZIP_SHIM_H
#define BYTEK_CZIP_SHIM_H
#include <zip.h>
#endif
