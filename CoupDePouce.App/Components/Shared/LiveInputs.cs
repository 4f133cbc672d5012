using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace CoupDePouce.App.Components.Shared;

/// <summary>A text input that takes every keystroke (counters, suggestions) without ever losing one: the value
/// attribute is marked as updated by the browser, so a render that lags behind her typing does not overwrite it.
/// It notifies the form's EditContext like any InputText.</summary>
public sealed class LiveInputText : InputText
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => LiveInputs.Render(builder, "input", this);

    internal string? Current
    {
        get => CurrentValueAsString;
        set => CurrentValueAsString = value;
    }

    internal string Css => CssClass;
}

/// <summary>The multi-line sibling of <see cref="LiveInputText"/>.</summary>
public sealed class LiveTextArea : InputTextArea
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => LiveInputs.Render(builder, "textarea", this);

    internal string? Current
    {
        get => CurrentValueAsString;
        set => CurrentValueAsString = value;
    }

    internal string Css => CssClass;
}

internal static class LiveInputs
{
    public static void Render(RenderTreeBuilder builder, string element, LiveInputText input) =>
        Render(builder, element, input, input.AdditionalAttributes, input.Css, input.Current, v => input.Current = v);

    public static void Render(RenderTreeBuilder builder, string element, LiveTextArea input) =>
        Render(builder, element, input, input.AdditionalAttributes, input.Css, input.Current, v => input.Current = v);

    private static void Render(
        RenderTreeBuilder builder, string element, object receiver, IReadOnlyDictionary<string, object>? attributes, string css,
        string? value, Action<string?> set)
    {
        builder.OpenElement(0, element);
        builder.AddMultipleAttributes(1, attributes);
        builder.AddAttribute(2, "class", css);
        builder.AddAttribute(3, "value", value);
        builder.AddAttribute(4, "oninput", EventCallback.Factory.CreateBinder(receiver, set, value ?? string.Empty));
        builder.SetUpdatesAttributeName("value");
        builder.CloseElement();
    }
}
