/* borne.c -- the short English phrase for each BORNE_E* code (borne.h). */
#include "borne.h"

const char *
borne_strerror(int rc)
{
	switch (rc) {
	case BORNE_OK:        return "ok";
	case BORNE_EINVAL:    return "invalid input";
	case BORNE_ENOTFOUND: return "not found";
	case BORNE_EDB:       return "database error";
	case BORNE_ENOMEM:    return "out of memory";
	case BORNE_EBUSY:     return "database locked by another process";
	case BORNE_EREFUSED:  return "refused by a rule";
	case BORNE_EIO:       return "input/output error";
	case BORNE_ECORRUPT:  return "not a database, or a damaged one";
	case BORNE_EREADONLY: return "cannot write: read-only";
	case BORNE_EFULL:     return "disk full";
	case BORNE_ELOST:     return "badge reader lost";
	case BORNE_ELOCKED:   return "locked";
	case BORNE_ETIMEOUT:  return "timed out";
	case BORNE_EPERM:     return "not allowed";
	case BORNE_ECLOCK:    return "the clock cannot be trusted";
	default:              return "unknown error";
	}
}
