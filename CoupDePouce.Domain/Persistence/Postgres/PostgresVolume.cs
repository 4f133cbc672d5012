using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CoupDePouce.Domain.Persistence.Postgres;

/// <summary>The benchmarks' large network written into PostgreSQL (<see cref="VolumeSeeder"/>): binary COPY of the
/// requests and answers with the words and stems the Domain reads in them (<see cref="PostgresSearchText"/>), the
/// search index's triggers set aside meanwhile and the index built once at the end, in one transaction.</summary>
internal static class PostgresVolume
{
    public static async Task WriteAsync(BoardDbContext db, VolumeSeeder.RequestRow[] requests, List<VolumeSeeder.AnswerRow> answers, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, """
            ALTER TABLE "HelpRequests" DISABLE TRIGGER "HelpRequests_Search";
            ALTER TABLE "Answers" DISABLE TRIGGER "Answers_Search";
            """, ct);

        var reading = new Dictionary<string, (string Words, string Stems)>(StringComparer.Ordinal);
        (string Words, string Stems) Read(string text)
        {
            if (!reading.TryGetValue(text, out var read))
            {
                read = (PostgresSearchText.Words(text), FrenchText.Stems(text));
                if (reading.Count < 100_000)
                {
                    reading[text] = read;
                }
            }

            return read;
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "HelpRequests" ("Title", "Details", "ThemeId", "Visibility", "CoordinationId", "AuthorId", "CreatedAt", "LastActivityAt",
                "Status", "FirstAnsweredAt", "FirstAnswerWaitMs", "AnswerCount", "IsHidden", "HiddenByReports", "IsWithdrawn", "IsLocked", "Version",
                "TitleWords", "TitleStems", "DetailsWords", "DetailsStems") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var row in requests)
            {
                var (titleWords, titleStems) = Read(row.Title);
                var (detailsWords, detailsStems) = Read(row.Details);
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.Title, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Details, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.ThemeId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)row.Visibility, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(row.CoordinationId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(row.Author, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(row.Created, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(row.Created, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync((int)row.Status, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(copy, row.FirstAnsweredAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(copy, row.FirstWaitMs, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(row.Answers, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(titleWords, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(titleStems, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(detailsWords, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(detailsStems, NpgsqlDbType.Text, ct);
            }

            await copy.CompleteAsync(ct);
        }

        var baseId = await ScalarAsync(connection, "SELECT MIN(\"Id\") FROM \"HelpRequests\"", ct);
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Answers" ("HelpRequestId", "AuthorId", "AuthorCoordinationId", "Body", "CreatedAt", "IsHelpful", "IsHidden", "HiddenByReports", "IsWithdrawn",
                "ThanksCount", "BodyWords", "BodyStems") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var row in answers)
            {
                var (words, stems) = Read(row.Body);
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(baseId + row.Request, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(row.Author, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(row.AuthorCoordinationId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(row.Body, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Created, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(words, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(stems, NpgsqlDbType.Text, ct);
            }

            await copy.CompleteAsync(ct);
        }

        // The index in one pass, as its refresh function writes each row (Persistence/Postgres/PostgresSql.cs).
        await ExecuteAsync(connection, """
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
            LEFT JOIN (
                SELECT x."HelpRequestId", string_agg(x."BodyWords", ' ' ORDER BY x."Id") AS words, string_agg(x."BodyStems", ' ' ORDER BY x."Id") AS stems
                FROM "Answers" x WHERE NOT x."IsWithdrawn" AND NOT x."IsHidden" GROUP BY x."HelpRequestId") a ON a."HelpRequestId" = r."Id"
            ON CONFLICT ("Id") DO NOTHING;
            ALTER TABLE "HelpRequests" ENABLE TRIGGER "HelpRequests_Search";
            ALTER TABLE "Answers" ENABLE TRIGGER "Answers_Search";
            """, ct);
        await transaction.CommitAsync(ct);
        await ExecuteAsync(connection, "ANALYZE;", ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct
    {
        if (value is { } present)
        {
            await copy.WriteAsync(present, type, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
