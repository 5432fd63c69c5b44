#ifndef BYTEK_CCURL_SHIM_H
#define BYTEK_CCURL_SHIM_H
#include <curl/curl.h>
#include <string.h>

/* curl_easy_setopt is C-variadic: Swift cannot call it, so one message is sent here, whole. */

struct bytek_smtp_payload { const char *data; size_t size; size_t sent; };

static size_t bytek_smtp_read(char *buffer, size_t size, size_t nitems, void *userdata) {
    struct bytek_smtp_payload *p = (struct bytek_smtp_payload *)userdata;
    size_t room = size * nitems, left = p->size - p->sent;
    size_t n = left < room ? left : room;
    memcpy(buffer, p->data + p->sent, n);
    p->sent += n;
    return n;
}

/* Sends `message` (a complete RFC 5322 text with CRLF line ends) from `from` to `to` through `url`
   (smtp://host:port or smtps://…). `user`/`password` may be NULL. `require_tls` makes STARTTLS mandatory.
   Returns 0 on success, else curl's code with its explanation in `error` (CURL_ERROR_SIZE bytes). */
static inline int bytek_smtp_send(const char *url, const char *user, const char *password, int require_tls,
                                  long timeout_seconds, const char *from, const char *to,
                                  const char *message, size_t size, char *error) {
    CURL *curl = curl_easy_init();
    struct curl_slist *rcpt = NULL;
    struct bytek_smtp_payload payload = { message, size, 0 };
    CURLcode rc;
    if (!curl) { strcpy(error, "curl_easy_init"); return -1; }
    error[0] = 0;
    rcpt = curl_slist_append(rcpt, to);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    if (user && user[0]) curl_easy_setopt(curl, CURLOPT_USERNAME, user);
    if (password && password[0]) curl_easy_setopt(curl, CURLOPT_PASSWORD, password);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, require_tls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, bytek_smtp_read);
    curl_easy_setopt(curl, CURLOPT_READDATA, &payload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    rc = curl_easy_perform(curl);
    if (rc != CURLE_OK && !error[0]) strncpy(error, curl_easy_strerror(rc), CURL_ERROR_SIZE - 1);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    return (int)rc;
}

/* One part of a MIME e-mail: bytes, and for an attachment its file name; `type` its media type; `encoder`
   "base64", "quoted-printable" or NULL. */
struct bytek_mail_part { const char *data; size_t size; const char *filename; const char *type; const char *encoder; };

/* Sends a multipart/mixed e-mail built by libcurl's MIME API (curl_mime_init/addpart/data/filename/type/encoder,
   CURLOPT_MIMEPOST): `headers` are the top-level header lines (From, To, Subject, Date, Message-ID), `parts` the
   text first and then the attachments, `rcpts` every envelope recipient. Returns 0 or curl's code (see above). */
static inline int bytek_smtp_send_mime(const char *url, const char *user, const char *password, int require_tls,
                                       long timeout_seconds, const char *from,
                                       const char *const *rcpts, int nrcpts,
                                       const char *const *headers, int nheaders,
                                       const struct bytek_mail_part *parts, int nparts, char *error) {
    CURL *curl = curl_easy_init();
    struct curl_slist *rcpt = NULL, *hdrs = NULL;
    curl_mime *mime = NULL;
    CURLcode rc;
    int i;
    if (!curl) { strcpy(error, "curl_easy_init"); return -1; }
    error[0] = 0;
    for (i = 0; i < nrcpts; i++) rcpt = curl_slist_append(rcpt, rcpts[i]);
    for (i = 0; i < nheaders; i++) hdrs = curl_slist_append(hdrs, headers[i]);
    mime = curl_mime_init(curl);
    for (i = 0; i < nparts; i++) {
        curl_mimepart *part = curl_mime_addpart(mime);
        curl_mime_data(part, parts[i].data, parts[i].size);
        if (parts[i].type) curl_mime_type(part, parts[i].type);
        if (parts[i].filename) curl_mime_filename(part, parts[i].filename);
        if (parts[i].encoder) curl_mime_encoder(part, parts[i].encoder);
    }
    curl_easy_setopt(curl, CURLOPT_URL, url);
    if (user && user[0]) curl_easy_setopt(curl, CURLOPT_USERNAME, user);
    if (password && password[0]) curl_easy_setopt(curl, CURLOPT_PASSWORD, password);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, require_tls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    rc = curl_easy_perform(curl);
    if (rc != CURLE_OK && !error[0]) strncpy(error, curl_easy_strerror(rc), CURL_ERROR_SIZE - 1);
    curl_mime_free(mime);
    curl_slist_free_all(hdrs);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    return (int)rc;
}

static inline int bytek_curl_error_size(void) { return CURL_ERROR_SIZE; }
#endif
