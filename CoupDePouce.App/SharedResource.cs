namespace CoupDePouce.App;

/// <summary>Marker for the app's texts: Resources/SharedResource.resx (French) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
