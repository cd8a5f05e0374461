/* web_http.c -- borne-web's HTTP side, with GNU libmicrohttpd: reads a
** request (its query, cookies, and a body up to WEB_BODY_MAX, urlencoded
** or multipart), hands it to web_dispatch() and sends the answer with the
** headers every answer carries (no caching of pages, no framing, no
** script or style from elsewhere). One server thread runs every request
** in turn, so the one database connection is never shared at once. */
#include "web_http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

typedef struct Conn {
	WebReq  rq;
	WebBuf  body;
	int     too_big;
	int     urlencoded, multipart;
	char    path[1024];
	char    cookie[WEBAUTH_TOKEN_SIZE + 8];
	char    lang[8];
	char    client[INET6_ADDRSTRLEN];
} Conn;

static enum MHD_Result on_query(void *cls, enum MHD_ValueKind kind,
                                const char *key, const char *value);
static enum MHD_Result on_post(void *cls, enum MHD_ValueKind kind,
                               const char *key, const char *filename,
                               const char *ctype, const char *encoding,
                               const char *data, uint64_t off, size_t size);
static enum MHD_Result on_request(void *cls, struct MHD_Connection *mc,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls);
static void on_done(void *cls, struct MHD_Connection *mc, void **con_cls,
                    enum MHD_RequestTerminationCode toe);
static enum MHD_Result send_resp(struct MHD_Connection *mc, WebResp *rs);
static void client_addr(struct MHD_Connection *mc, char *out, size_t outlen);
static char *read_file(const char *path);

static enum MHD_Result
on_query(void *cls, enum MHD_ValueKind kind, const char *key,
         const char *value)
{
	WebReq *rq = cls;

	(void)kind;
	if (key != NULL)
		(void)web_param_add(rq->query, &rq->n_query, key,
		                    value != NULL ? value : "",
		                    value != NULL ? strlen(value) : 0);
	return MHD_YES;
}

/* A field comes in pieces (a file's content may be long): the first
** piece adds the field, the next ones grow its value. */
static enum MHD_Result
on_post(void *cls, enum MHD_ValueKind kind, const char *key,
        const char *filename, const char *ctype, const char *encoding,
        const char *data, uint64_t off, size_t size)
{
	WebReq *rq = cls;
	WebParam *p;
	char *v;

	(void)kind; (void)filename; (void)ctype; (void)encoding;
	if (key == NULL)
		return MHD_YES;
	if (off == 0 || rq->n_form == 0 ||
	    strcmp(rq->form[rq->n_form - 1].name, key) != 0) {
		(void)web_param_add(rq->form, &rq->n_form, key, data, size);
		return MHD_YES;
	}
	p = &rq->form[rq->n_form - 1];
	if ((v = realloc(p->value, p->value_len + size + 1)) == NULL)
		return MHD_NO;
	memcpy(v + p->value_len, data, size);
	p->value = v;
	p->value_len += size;
	v[p->value_len] = '\0';
	return MHD_YES;
}

static void
client_addr(struct MHD_Connection *mc, char *out, size_t outlen)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci != NULL ? ci->client_addr : NULL;

	snprintf(out, outlen, "?");
	if (sa == NULL)
		return;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)
		          ->sin_addr, out, (socklen_t)outlen);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)
		          ->sin6_addr, out, (socklen_t)outlen);
}

static enum MHD_Result
send_resp(struct MHD_Connection *mc, WebResp *rs)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(rs->body.len, rs->body.data != NULL ?
	                                    rs->body.data : (char *)"",
	                                    MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", rs->ctype);
	MHD_add_response_header(r, "Cache-Control", rs->cache != NULL ?
	                        rs->cache : "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Content-Security-Policy", "default-src "
	                        "'self'; img-src 'self' data:; object-src 'none'; "
	                        "frame-ancestors 'none'; form-action 'self'; "
	                        "base-uri 'none'");
	if (rs->location[0] != '\0')
		MHD_add_response_header(r, "Location", rs->location);
	if (rs->cookie[0] != '\0')
		MHD_add_response_header(r, "Set-Cookie", rs->cookie);
	if (rs->cookie2[0] != '\0')
		MHD_add_response_header(r, "Set-Cookie", rs->cookie2);
	if (rs->disposition[0] != '\0')
		MHD_add_response_header(r, "Content-Disposition", rs->disposition);
	if (rs->allow != NULL)
		MHD_add_response_header(r, "Allow", rs->allow);
	ret = MHD_queue_response(mc, (unsigned)rs->status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *mc, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_size, void **con_cls)
{
	Web *w = cls;
	Conn *c = *con_cls;
	WebResp rs;
	enum MHD_Result ret;
	const char *v;

	(void)version;
	if (c == NULL) {
		const char *ct;

		if ((c = calloc(1, sizeof *c)) == NULL)
			return MHD_NO;
		*con_cls = c;
		v = MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
		                                MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (v != NULL && strtoull(v, NULL, 10) > WEB_BODY_MAX)
			c->too_big = 1;
		ct = MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
		                                 MHD_HTTP_HEADER_CONTENT_TYPE);
		if (ct != NULL) {
			c->urlencoded = strncasecmp(ct, "application/x-www-form-urlencoded",
			                            33) == 0;
			c->multipart = strncasecmp(ct, "multipart/form-data", 19) == 0;
		}
		if (!c->too_big)
			return MHD_YES;
	}
	if (*upload_size > 0) {
		if (c->body.len + *upload_size > WEB_BODY_MAX)
			c->too_big = 1;
		if (!c->too_big)
			wb_put(&c->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	web_resp_init(&rs);
	if (c->too_big || c->body.failed) {
		rs.status = 413;
		rs.ctype = "text/plain; charset=utf-8";
		html_raw(&rs.body, "413: the request is too large\n");
		ret = send_resp(mc, &rs);
		web_resp_free(&rs);
		return ret;
	}
	snprintf(c->path, sizeof c->path, "%s", url);
	c->rq.method = method;
	c->rq.path = c->path;
	MHD_get_connection_values(mc, MHD_GET_ARGUMENT_KIND, on_query, &c->rq);
	if ((v = MHD_lookup_connection_value(mc, MHD_COOKIE_KIND, WEB_COOKIE))
	    != NULL && strlen(v) < sizeof c->cookie) {
		snprintf(c->cookie, sizeof c->cookie, "%s", v);
		c->rq.cookie = c->cookie;
	}
	if ((v = MHD_lookup_connection_value(mc, MHD_COOKIE_KIND,
	                                     WEB_COOKIE_LANG)) != NULL) {
		snprintf(c->lang, sizeof c->lang, "%s", v);
		c->rq.lang_cookie = c->lang;
	}
	client_addr(mc, c->client, sizeof c->client);
	c->rq.client = c->client;
	c->rq.now_utc = (int64_t)time(NULL);
	if (c->body.len > 0 && c->urlencoded) {
		web_parse_urlencoded(c->rq.form, &c->rq.n_form, c->body.data,
		                     c->body.len);
	} else if (c->body.len > 0 && c->multipart) {
		struct MHD_PostProcessor *pp =
			MHD_create_post_processor(mc, 65536, on_post, &c->rq);

		if (pp != NULL) {
			(void)MHD_post_process(pp, c->body.data, c->body.len);
			MHD_destroy_post_processor(pp);
		}
	}
	web_dispatch(w, &c->rq, &rs);
	ret = send_resp(mc, &rs);
	web_resp_free(&rs);
	return ret;
}

static void
on_done(void *cls, struct MHD_Connection *mc, void **con_cls,
        enum MHD_RequestTerminationCode toe)
{
	Conn *c = *con_cls;

	(void)cls; (void)mc; (void)toe;
	if (c == NULL)
		return;
	web_req_free(&c->rq);
	wb_free(&c->body);
	free(c);
	*con_cls = NULL;
}

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	WebBuf b = { 0 };
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		wb_put(&b, chunk, n);
	fclose(f);
	if (b.failed || b.data == NULL) {
		wb_free(&b);
		return NULL;
	}
	return b.data;
}

int
web_http_parse_listen(const char *spec, struct sockaddr_storage *ss,
                      char *err, size_t errlen)
{
	char host[128];
	const char *colon;
	char *end;
	long port;

	memset(ss, 0, sizeof *ss);
	colon = spec != NULL ? strrchr(spec, ':') : NULL;
	if (colon == NULL || colon == spec || (size_t)(colon - spec) >= sizeof host)
		goto bad;
	port = strtol(colon + 1, &end, 10);
	if (*end != '\0' || colon[1] == '\0' || port < 1 || port > 65535)
		goto bad;
	snprintf(host, sizeof host, "%.*s", (int)(colon - spec), spec);
	if (host[0] == '[') {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
		size_t hl = strlen(host);

		if (hl < 3 || host[hl - 1] != ']')
			goto bad;
		host[hl - 1] = '\0';
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host + 1, &s6->sin6_addr) != 1)
			goto bad;
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, host, &s4->sin_addr) != 1)
			goto bad;
	}
	return BORNE_OK;
bad:
	snprintf(err, errlen, "listen address \"%s\" is not ADDR:PORT "
	         "(0.0.0.0:8080, 127.0.0.1:8080, [::]:8080)", spec ? spec : "");
	return BORNE_EINVAL;
}

int
web_http_start(Web *w, const char *listen, const char *cert_path,
               const char *key_path, WebHttp **out, char *err, size_t errlen)
{
	struct sockaddr_storage ss;
	struct MHD_Daemon *d;
	unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	char *cert = NULL, *key = NULL;
	int rc;

	*out = NULL;
	err[0] = '\0';
	if ((rc = web_http_parse_listen(listen, &ss, err, errlen)) != BORNE_OK)
		return rc;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (cert_path != NULL && *cert_path != '\0') {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			snprintf(err, errlen, "this libmicrohttpd has no TLS: HTTPS "
			         "cannot be served");
			return BORNE_EINVAL;
		}
		if ((cert = read_file(cert_path)) == NULL ||
		    (key = read_file(key_path != NULL ? key_path : "")) == NULL) {
			snprintf(err, errlen, "cannot read the certificate %s or its "
			         "key %s", cert_path, key_path ? key_path : "(none)");
			free(cert);
			return BORNE_EIO;
		}
		flags |= MHD_USE_TLS;
		w->https = 1;
	}
	if (cert != NULL)
		d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, w,
		        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		        MHD_OPTION_NOTIFY_COMPLETED, on_done, (void *)NULL,
		        MHD_OPTION_CONNECTION_LIMIT, (unsigned int)64,
		        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
		        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
		        MHD_OPTION_HTTPS_MEM_CERT, cert,
		        MHD_OPTION_HTTPS_MEM_KEY, key,
		        MHD_OPTION_END);
	else
		d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, w,
		        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		        MHD_OPTION_NOTIFY_COMPLETED, on_done, (void *)NULL,
		        MHD_OPTION_CONNECTION_LIMIT, (unsigned int)64,
		        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
		        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
		        MHD_OPTION_END);
	/* libmicrohttpd copied the certificate and key (gnutls) at start. */
	if (key != NULL)
		memset(key, 0, strlen(key));
	free(cert);
	free(key);
	if (d == NULL) {
		snprintf(err, errlen, "cannot listen on %s (address in use, or "
		         "not this machine's?)", listen);
		return BORNE_EIO;
	}
	*out = (WebHttp *)d;
	return BORNE_OK;
}

void
web_http_stop(WebHttp *h)
{
	if (h != NULL)
		MHD_stop_daemon((struct MHD_Daemon *)h);
}
