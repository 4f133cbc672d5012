using MudBlazor;

namespace CoupDePouce.App.Components.Layout;

/// <summary>MudBlazor's drawer, as the layout uses it: anchored at the start, its variant (persistent beside the page,
/// temporary over it) chosen by the layout from the page's width. MudDrawer's own first-render work is for other uses
/// and is left out (decision 031): it measures its height through the browser (for a drawer anchored at the top or
/// bottom) and, while responsive, follows the window's size through MudBlazor's viewport service, which costs every
/// live page the serializers of the sizes it is sent (about 40 KB per idle circuit, BENCHMARKS.md).</summary>
public sealed class DockedDrawer : MudDrawer
{
    protected override Task OnAfterRenderAsync(bool firstRender) => Task.CompletedTask;
}
