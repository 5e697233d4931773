// The EntropyCoding module.
