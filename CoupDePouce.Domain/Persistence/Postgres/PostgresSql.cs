using System.Text;
using CoupDePouce.Domain.Search;
using CoupDePouce.Domain.Themes;

namespace CoupDePouce.Domain.Persistence.Postgres;

/// <summary>What PostgreSQL's migrations write by hand (decision 033): the moderation log's guards and the search
/// index with the triggers that keep it in step with every write, in the write's own transaction.</summary>
public static class PostgresSql
{
    /// <summary>The moderation log is append-only down to the database, as on SQLite (<see cref="Moderation.ModerationLogSql"/>).</summary>
    public const string ModerationLogGuards = """
        CREATE FUNCTION moderation_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'The moderation log cannot be changed';
        END $$;
        CREATE TRIGGER "ModerationLog_NoUpdateNorDelete" BEFORE UPDATE OR DELETE ON "ModerationLog"
            FOR EACH ROW EXECUTE FUNCTION moderation_log_is_append_only();
        CREATE TRIGGER "ModerationLog_NoTruncate" BEFORE TRUNCATE ON "ModerationLog"
            FOR EACH STATEMENT EXECUTE FUNCTION moderation_log_is_append_only();
        """;

    /// <summary>The search index: one row per request, its words as written (folded) and its stems, weighted by
    /// where they stand (A the title, B the details, C the shown answers, D the theme's names), and the title's alone
    /// for the first tier of the ranking (decision 019). The words and stems are the Domain's
    /// (<see cref="PostgresSearchText"/>); the 'simple' configuration keeps them as they are.</summary>
    public const string SearchIndex = """
        CREATE TABLE "HelpRequestSearch" (
            "Id" bigint PRIMARY KEY REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE,
            "Words" tsvector NOT NULL,
            "Stems" tsvector NOT NULL,
            "TitleWords" tsvector NOT NULL,
            "TitleStems" tsvector NOT NULL);
        CREATE INDEX "IX_HelpRequestSearch_Words" ON "HelpRequestSearch" USING gin ("Words");
        CREATE INDEX "IX_HelpRequestSearch_Stems" ON "HelpRequestSearch" USING gin ("Stems");
        CREATE INDEX "IX_HelpRequestSearch_TitleWords" ON "HelpRequestSearch" USING gin ("TitleWords");
        CREATE INDEX "IX_HelpRequestSearch_TitleStems" ON "HelpRequestSearch" USING gin ("TitleStems");

        CREATE FUNCTION help_request_search_refresh(request bigint) RETURNS void LANGUAGE sql AS $$
            INSERT INTO "HelpRequestSearch" ("Id", "Words", "Stems", "TitleWords", "TitleStems")
            SELECT r."Id",
                   setweight(to_tsvector('simple', r."TitleWords"), 'A') || setweight(to_tsvector('simple', r."DetailsWords"), 'B')
                       || setweight(to_tsvector('simple', COALESCE(a.words, '')), 'C'),
                   setweight(to_tsvector('simple', r."TitleStems"), 'A') || setweight(to_tsvector('simple', r."DetailsStems"), 'B')
                       || setweight(to_tsvector('simple', COALESCE(a.stems, '')), 'C') || setweight(to_tsvector('simple', t."NameStems"), 'D'),
                   to_tsvector('simple', r."TitleWords"),
                   to_tsvector('simple', r."TitleStems")
            FROM "HelpRequests" r
            JOIN "Themes" t ON t."Id" = r."ThemeId"
            LEFT JOIN LATERAL (
                SELECT string_agg(x."BodyWords", ' ' ORDER BY x."Id") AS words, string_agg(x."BodyStems", ' ' ORDER BY x."Id") AS stems
                FROM "Answers" x
                WHERE x."HelpRequestId" = r."Id" AND NOT x."IsWithdrawn" AND NOT x."IsHidden") a ON TRUE
            WHERE r."Id" = request
            ON CONFLICT ("Id") DO UPDATE SET "Words" = EXCLUDED."Words", "Stems" = EXCLUDED."Stems",
                "TitleWords" = EXCLUDED."TitleWords", "TitleStems" = EXCLUDED."TitleStems";
        $$;

        CREATE FUNCTION help_requests_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM help_request_search_refresh(NEW."Id");
            RETURN NULL;
        END $$;
        CREATE TRIGGER "HelpRequests_Search" AFTER INSERT OR UPDATE OF "TitleWords", "TitleStems", "DetailsWords", "DetailsStems", "ThemeId"
            ON "HelpRequests" FOR EACH ROW EXECUTE FUNCTION help_requests_search();

        CREATE FUNCTION answers_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                PERFORM help_request_search_refresh(OLD."HelpRequestId");
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."HelpRequestId" <> OLD."HelpRequestId") THEN
                PERFORM help_request_search_refresh(NEW."HelpRequestId");
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Answers_Search" AFTER INSERT OR DELETE OR UPDATE OF "BodyWords", "BodyStems", "IsWithdrawn", "IsHidden", "HelpRequestId"
            ON "Answers" FOR EACH ROW EXECUTE FUNCTION answers_search();

        CREATE FUNCTION themes_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM help_request_search_refresh(r."Id") FROM "HelpRequests" r WHERE r."ThemeId" = NEW."Id";
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Themes_Search" AFTER UPDATE OF "NameStems" ON "Themes" FOR EACH ROW EXECUTE FUNCTION themes_search();
        """;

    /// <summary>The stems of the names of the themes the first migration writes (their rows are written without them).</summary>
    public static string ThemeStems()
    {
        var sql = new StringBuilder();
        foreach (var theme in Theme.Initial)
        {
            sql.Append("UPDATE \"Themes\" SET \"NameStems\" = '").Append(ThemeNames.Stems(theme.Slug).Replace("'", "''", StringComparison.Ordinal))
                .Append("' WHERE \"Slug\" = '").Append(theme.Slug.Replace("'", "''", StringComparison.Ordinal)).AppendLine("';");
        }

        return sql.ToString();
    }
}
