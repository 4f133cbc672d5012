namespace CoupDePouce.App.Components.Shared;

/// <summary>MudBlazor's button look for plain elements: links styled as buttons, and buttons of server-rendered forms
/// that must work before the page is live (sign-in, registration, the board's filters). One family of buttons
/// everywhere, whether MudButton or these.</summary>
public static class ButtonStyles
{
    private const string Root = "mud-button-root mud-button mud-ripple";

    public const string Primary = Root + " mud-button-filled mud-button-filled-primary mud-button-filled-size-medium";

    public const string PrimarySmall = Root + " mud-button-filled mud-button-filled-primary mud-button-filled-size-small";

    public const string Outlined = Root + " mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-medium";

    public const string OutlinedSmall = Root + " mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small";

    public const string DangerSmall = Root + " mud-button-filled mud-button-filled-error mud-button-filled-size-small";

    public const string Danger = Root + " mud-button-filled mud-button-filled-error mud-button-filled-size-medium";

    /// <summary>A quiet action inside a thread or a list (edit, hide an answer…).</summary>
    public const string Text = Root + " mud-button-text mud-button-text-primary mud-button-text-size-small";
}
