namespace CoupDePouce.Domain.Persistence;

/// <summary>The full-text index (SQLite FTS5) over requests: one row per request (rowid = request id) with its
/// title, details and the text of its shown answers, each also as French stems, and its theme's names (decision
/// 019; the first index, before it, held the text only). Accents are folded ("comptabilite" finds "comptabilité").
/// Triggers keep it in step with every write, EF's or not, in the write's own transaction; they call the functions
/// every board connection is given (<see cref="Search.SearchFunctions"/>).
/// A migration that rebuilds HelpRequests or Answers (SQLite table rebuilds drop triggers) must run
/// <see cref="CreateTriggers"/> again; the search tests fail if it does not. The text-only versions are kept for the
/// migrations that created them.</summary>
public static class SearchIndexSql
{
    public const string CreateTextOnlyTable = """
        CREATE VIRTUAL TABLE HelpRequestSearch USING fts5(
            Title, Details, Answers,
            tokenize = 'unicode61 remove_diacritics 2');
        """;

    /// <summary>The answers search reads: not withdrawn, not hidden by moderation.</summary>
    private const string ShownAnswersOf = "COALESCE((SELECT group_concat(Body, ' ') FROM Answers WHERE HelpRequestId = {0} AND IsWithdrawn = 0 AND IsHidden = 0), '')";

    /// <summary>Before answers could be hidden (the Conversation migration, which runs before that column exists).</summary>
    private const string NotWithdrawnAnswersOf = "COALESCE((SELECT group_concat(Body, ' ') FROM Answers WHERE HelpRequestId = {0} AND IsWithdrawn = 0), '')";

    public static readonly string CreateTextOnlyTriggers = Triggers(ShownAnswersOf, "Body, IsWithdrawn, IsHidden");

    public static readonly string CreateTriggersBeforeHiddenAnswers = Triggers(NotWithdrawnAnswersOf, "Body, IsWithdrawn");

    public static readonly string FillTextOnly = FillWith(ShownAnswersOf);

    public static readonly string FillBeforeHiddenAnswers = FillWith(NotWithdrawnAnswersOf);

    private static string Triggers(string answersOf, string answerColumns) => $"""
        CREATE TRIGGER HelpRequests_Search_Insert AFTER INSERT ON HelpRequests BEGIN
            INSERT INTO HelpRequestSearch (rowid, Title, Details, Answers) VALUES (new.Id, new.Title, new.Details, '');
        END;
        CREATE TRIGGER HelpRequests_Search_Update AFTER UPDATE OF Title, Details ON HelpRequests BEGIN
            UPDATE HelpRequestSearch SET Title = new.Title, Details = new.Details WHERE rowid = new.Id;
        END;
        CREATE TRIGGER HelpRequests_Search_Delete AFTER DELETE ON HelpRequests BEGIN
            DELETE FROM HelpRequestSearch WHERE rowid = old.Id;
        END;
        CREATE TRIGGER Answers_Search_Insert AFTER INSERT ON Answers BEGIN
            UPDATE HelpRequestSearch SET Answers = {string.Format(answersOf, "new.HelpRequestId")} WHERE rowid = new.HelpRequestId;
        END;
        CREATE TRIGGER Answers_Search_Update AFTER UPDATE OF {answerColumns} ON Answers BEGIN
            UPDATE HelpRequestSearch SET Answers = {string.Format(answersOf, "new.HelpRequestId")} WHERE rowid = new.HelpRequestId;
        END;
        CREATE TRIGGER Answers_Search_Delete AFTER DELETE ON Answers BEGIN
            UPDATE HelpRequestSearch SET Answers = {string.Format(answersOf, "old.HelpRequestId")} WHERE rowid = old.HelpRequestId;
        END;
        """;

    private static string FillWith(string answersOf) => $"""
        INSERT INTO HelpRequestSearch (rowid, Title, Details, Answers)
        SELECT r.Id, r.Title, r.Details, {string.Format(answersOf, "r.Id")} FROM HelpRequests r;
        """;

    /// <summary>The French index: the text as she wrote it (whole words, folded), its stems, its theme's names;
    /// prefix indexes of 2 and 3 letters so that a short last word (« pro ») is not a scan of every word. The titles
    /// also have a small index of their own: the first tier of the ranking (titles first) reads only their postings
    /// (decision 019).</summary>
    public const string CreateTable = """
        CREATE VIRTUAL TABLE HelpRequestSearch USING fts5(
            Title, Details, Answers, TitleStems, DetailsStems, AnswersStems, Themes,
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
        CREATE VIRTUAL TABLE HelpRequestTitleSearch USING fts5(
            Title, TitleStems,
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
        """;

    private const string ThemeOf = "fr_theme((SELECT Slug FROM Themes WHERE Id = {0}))";

    public static readonly string CreateTriggers = $"""
        CREATE TRIGGER HelpRequests_Search_Insert AFTER INSERT ON HelpRequests BEGIN
            INSERT INTO HelpRequestSearch (rowid, Title, Details, Answers, TitleStems, DetailsStems, AnswersStems, Themes)
            VALUES (new.Id, new.Title, new.Details, '', fr_stems(new.Title), fr_stems(new.Details), '', {string.Format(ThemeOf, "new.ThemeId")});
            INSERT INTO HelpRequestTitleSearch (rowid, Title, TitleStems) VALUES (new.Id, new.Title, fr_stems(new.Title));
        END;
        CREATE TRIGGER HelpRequests_Search_Update AFTER UPDATE OF Title, Details, ThemeId ON HelpRequests BEGIN
            UPDATE HelpRequestSearch SET Title = new.Title, Details = new.Details, TitleStems = fr_stems(new.Title),
                DetailsStems = fr_stems(new.Details), Themes = {string.Format(ThemeOf, "new.ThemeId")} WHERE rowid = new.Id;
            UPDATE HelpRequestTitleSearch SET Title = new.Title, TitleStems = fr_stems(new.Title) WHERE rowid = new.Id AND old.Title <> new.Title;
        END;
        CREATE TRIGGER HelpRequests_Search_Delete AFTER DELETE ON HelpRequests BEGIN
            DELETE FROM HelpRequestSearch WHERE rowid = old.Id;
            DELETE FROM HelpRequestTitleSearch WHERE rowid = old.Id;
        END;
        CREATE TRIGGER Answers_Search_Insert AFTER INSERT ON Answers BEGIN
            {FrenchAnswersOf("new.HelpRequestId")}
        END;
        CREATE TRIGGER Answers_Search_Update AFTER UPDATE OF Body, IsWithdrawn, IsHidden ON Answers BEGIN
            {FrenchAnswersOf("new.HelpRequestId")}
        END;
        CREATE TRIGGER Answers_Search_Delete AFTER DELETE ON Answers BEGIN
            {FrenchAnswersOf("old.HelpRequestId")}
        END;
        """;

    private static string FrenchAnswersOf(string requestId) =>
        $"UPDATE HelpRequestSearch SET (Answers, AnswersStems) = (SELECT a, fr_stems(a) FROM (SELECT {string.Format(ShownAnswersOf, requestId)} AS a)) WHERE rowid = {requestId};";

    public static readonly string Fill = $"""
        INSERT INTO HelpRequestSearch (rowid, Title, Details, Answers, TitleStems, DetailsStems, AnswersStems, Themes)
        SELECT r.Id, r.Title, r.Details, r.a, fr_stems(r.Title), fr_stems(r.Details), fr_stems(r.a), fr_theme(t.Slug)
        FROM (SELECT Id, Title, Details, ThemeId, {string.Format(ShownAnswersOf, "HelpRequests.Id")} AS a FROM HelpRequests) r
        JOIN Themes t ON t.Id = r.ThemeId;
        INSERT INTO HelpRequestTitleSearch (rowid, Title, TitleStems) SELECT rowid, Title, TitleStems FROM HelpRequestSearch;
        """;

    /// <summary>Every stem computed again, by the stemming rules of this build (<see cref="Search.FrenchText"/>): for
    /// a migration that follows a change of those rules. The text columns do not change.</summary>
    public const string Restem = """
        UPDATE HelpRequestSearch SET TitleStems = fr_stems(Title), DetailsStems = fr_stems(Details), AnswersStems = fr_stems(Answers);
        UPDATE HelpRequestTitleSearch SET TitleStems = fr_stems(Title);
        """;

    public const string DropTriggers = """
        DROP TRIGGER IF EXISTS HelpRequests_Search_Insert;
        DROP TRIGGER IF EXISTS HelpRequests_Search_Update;
        DROP TRIGGER IF EXISTS HelpRequests_Search_Delete;
        DROP TRIGGER IF EXISTS Answers_Search_Insert;
        DROP TRIGGER IF EXISTS Answers_Search_Update;
        DROP TRIGGER IF EXISTS Answers_Search_Delete;
        """;

    public const string Drop = DropTriggers + "\nDROP TABLE IF EXISTS HelpRequestSearch;\nDROP TABLE IF EXISTS HelpRequestTitleSearch;";
}
