namespace CoupDePouce.Domain.Persistence;

/// <summary>The full-text index (SQLite FTS5) over requests: one row per request (rowid = request id) with its
/// title, details and the text of its non-withdrawn answers. Accents are folded ("comptabilite" finds
/// "comptabilité"). Triggers keep it in step with every write, EF's or not.
/// A migration that rebuilds HelpRequests or Answers (SQLite table rebuilds drop triggers) must run
/// <see cref="CreateTriggers"/> again; the search tests fail if it does not.</summary>
public static class SearchIndexSql
{
    public const string CreateTable = """
        CREATE VIRTUAL TABLE HelpRequestSearch USING fts5(
            Title, Details, Answers,
            tokenize = 'unicode61 remove_diacritics 2');
        """;

    /// <summary>The answers search reads: not withdrawn, not hidden by moderation.</summary>
    private const string ShownAnswersOf = "COALESCE((SELECT group_concat(Body, ' ') FROM Answers WHERE HelpRequestId = {0} AND IsWithdrawn = 0 AND IsHidden = 0), '')";

    /// <summary>Before answers could be hidden (the Conversation migration, which runs before that column exists).</summary>
    private const string NotWithdrawnAnswersOf = "COALESCE((SELECT group_concat(Body, ' ') FROM Answers WHERE HelpRequestId = {0} AND IsWithdrawn = 0), '')";

    public static readonly string CreateTriggers = Triggers(ShownAnswersOf, "Body, IsWithdrawn, IsHidden");

    public static readonly string CreateTriggersBeforeHiddenAnswers = Triggers(NotWithdrawnAnswersOf, "Body, IsWithdrawn");

    public static readonly string Fill = FillWith(ShownAnswersOf);

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

    public const string DropTriggers = """
        DROP TRIGGER IF EXISTS HelpRequests_Search_Insert;
        DROP TRIGGER IF EXISTS HelpRequests_Search_Update;
        DROP TRIGGER IF EXISTS HelpRequests_Search_Delete;
        DROP TRIGGER IF EXISTS Answers_Search_Insert;
        DROP TRIGGER IF EXISTS Answers_Search_Update;
        DROP TRIGGER IF EXISTS Answers_Search_Delete;
        """;

    public const string Drop = DropTriggers + "\nDROP TABLE IF EXISTS HelpRequestSearch;";
}
