using Microsoft.AspNetCore.Components;

namespace CoupDePouce.App.Components.Shared;

/// <summary>A callback that does not re-render the component that handles it (ASP.NET Core's "avoid rerendering
/// after handling events" pattern). For a field she types in: a page of many components re-rendered on every
/// keystroke renders its other fields too, and under load MudBlazor's fields then wrote back a value a few keys old
/// over what she was typing. The handler updates the few pieces that show her text (a counter, the suggestions)
/// itself.</summary>
public static class NoRender
{
    public static EventCallback<T> Of<T>(Action<T> callback) => EventCallback.Factory.Create(Receiver.Instance, callback);

    private sealed class Receiver : IHandleEvent
    {
        public static readonly Receiver Instance = new();

        public Task HandleEventAsync(EventCallbackWorkItem item, object? arg) => item.InvokeAsync(arg);
    }
}
