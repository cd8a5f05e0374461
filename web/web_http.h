/* web_http.h -- borne-web's HTTP server (libmicrohttpd), started and
** stopped by main.c. HTTPS when a certificate and its key are given. */
#ifndef BORNE_WEB_HTTP_H
#define BORNE_WEB_HTTP_H

#include <stddef.h>
#include <sys/socket.h>

#include "web.h"

typedef struct WebHttp WebHttp;

/* "0.0.0.0:8080", "127.0.0.1:0"... or "[::]:8080". BORNE_EINVAL with err
** saying what is expected. */
int  web_http_parse_listen(const char *spec, struct sockaddr_storage *ss,
                           char *err, size_t errlen);
/* Serves w on listen in a thread of its own. cert_path empty or NULL:
** plain HTTP. BORNE_OK, BORNE_EINVAL, BORNE_EIO; err says why. */
int  web_http_start(Web *w, const char *listen, const char *cert_path,
                    const char *key_path, WebHttp **out, char *err,
                    size_t errlen);
void web_http_stop(WebHttp *h);    /* NULL-safe; waits for the thread */

#endif
