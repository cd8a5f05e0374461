/* page_csv.c -- the Membres and Missions lists as CSV files, as the
** kiosk writes its own: UTF-8 with a byte-order mark (a French Excel
** reads it right), RFC 4180, every cell through report_csv_field (a cell
** starting like a formula is shown as text). */
#include <stdio.h>
#include <stdlib.h>

#include "member.h"
#include "mission.h"
#include "report.h"
#include "web.h"

static int member_row(const Member *m, void *ctx);
static int mission_row(const Mission *m, void *ctx);
static int send_csv(Web *w, WebReq *rq, WebResp *rs, int rc, char *data,
                    size_t len, const char *name);

static int
member_row(const Member *m, void *ctx)
{
	FILE *f = ctx;

	fprintf(f, "%lld,", (long long)m->id);
	report_csv_field(f, m->forgotten ? "" : m->name);
	fprintf(f, ",%s,%d,%d\r\n", member_role_name(m->role), m->minor ? 1 : 0,
	        m->active ? 1 : 0);
	return 0;
}

static int
mission_row(const Mission *m, void *ctx)
{
	FILE *f = ctx;

	fprintf(f, "%lld,", (long long)m->id);
	report_csv_field(f, m->d.title);
	fprintf(f, ",%s,%s,", mission_status_name(m->status),
	        mission_category_name(m->d.category));
	report_csv_field(f, m->poster_name);
	fprintf(f, ",%d,%d,%d\r\n", m->d.places, m->n_takers,
	        m->d.reward_kind == REWARD_FIXED ? m->d.reward_cents : 0);
	return 0;
}

static int
send_csv(Web *w, WebReq *rq, WebResp *rs, int rc, char *data, size_t len,
         const char *name)
{
	if (rc != BORNE_OK) {
		free(data);
		web_error_page(w, rq, rs, 503, web_store_error(rq, w->st, rc));
		return BORNE_OK;
	}
	wb_put(&rs->body, data, len);
	free(data);
	rs->ctype = "text/csv; charset=utf-8";
	snprintf(rs->disposition, sizeof rs->disposition,
	         "attachment; filename=\"%s\"", name);
	return BORNE_OK;
}

int
page_members_csv(Web *w, WebReq *rq, WebResp *rs)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	int rc;

	if (f == NULL)
		return BORNE_ENOMEM;
	fputs("\xEF\xBB\xBFid,name,role,minor,active\r\n", f);
	rc = member_each(w->st, member_row, f);
	fclose(f);
	return send_csv(w, rq, rs, rc, data, len, "borne-membres.csv");
}

int
page_missions_csv(Web *w, WebReq *rq, WebResp *rs)
{
	const char *s = web_query(rq, "status");
	MissionStatus want;
	char *data = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	if (s == NULL || mission_status_parse(s, &want) != BORNE_OK)
		want = (MissionStatus)-1;
	if ((f = open_memstream(&data, &len)) == NULL)
		return BORNE_ENOMEM;
	fputs("\xEF\xBB\xBFid,title,status,category,poster,places,takers,"
	      "reward_cents\r\n", f);
	rc = mission_each(w->st, (int)want, mission_row, f);
	fclose(f);
	return send_csv(w, rq, rs, rc, data, len, "borne-missions.csv");
}
