namespace CoupDePouce.App.Hosting;

/// <summary>The installation's network (one per installation): its name shows in the header.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    public string Name { get; set; } = "CoupDePouce";
}
