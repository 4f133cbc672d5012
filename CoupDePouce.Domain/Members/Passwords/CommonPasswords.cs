namespace CoupDePouce.Domain.Members.Passwords;

/// <summary>Passwords tried first by anyone guessing (issue 20): those of the list shipped with the board
/// (<c>common-passwords.txt</c>: Openwall's, then common French ones and this board's own words), the same with digits
/// or signs around them (« Motdepasse2024! », « 123azertyuiop »), one character or a short unit repeated
/// (« aaaaaaaaaaaa », « abcabcabcabc »), and runs along the keyboard or the alphabet (« azertyuiopqs », « 123456789012 »).
/// Case does not matter.</summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> Listed = new(Load);

    private static readonly string[] Runs =
    [
        "01234567890123456789", "98765432109876543210", "abcdefghijklmnopqrstuvwxyz", "azertyuiopqsdfghjklmwxcvbn",
        "qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm",
    ];

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var core = lower.Trim(Surrounding);
        return Listed.Value.Contains(lower)
            || (core.Length >= 4 && Listed.Value.Contains(core))
            || IsRepeated(lower)
            || Runs.Any(run => run.Contains(lower, StringComparison.Ordinal) || (core.Length >= 6 && run.Contains(core, StringComparison.Ordinal)));
    }

    private static readonly char[] Surrounding = "0123456789 !?.,;:-_*#@&$%+=/\\'\"()[]{}".ToCharArray();

    /// <summary>A unit of one to four characters, repeated to the end.</summary>
    private static bool IsRepeated(string text)
    {
        for (var unit = 1; unit <= 4 && unit < text.Length; unit++)
        {
            if (Enumerable.Range(unit, text.Length - unit).All(i => text[i] == text[i % unit]))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("CoupDePouce.Domain.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not in the Domain assembly.");
        using var reader = new StreamReader(stream);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                listed.Add(line.Trim().ToLowerInvariant());
            }
        }

        return listed;
    }
}
