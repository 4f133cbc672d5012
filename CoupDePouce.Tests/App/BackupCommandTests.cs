using CoupDePouce.App.Hosting;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Tests.Domain;

namespace CoupDePouce.Tests.App;

/// <summary>`-- backup &lt;file&gt;` and `-- restore &lt;file&gt;` as the README gives them, on the database the
/// app's configuration names.</summary>
public sealed class BackupCommandTests : RennesAndLyonTest
{
    private string Board => $"--ConnectionStrings:Board=Data Source={Network.DatabasePath}";

    private string BackupFile => Path.Combine(Path.GetDirectoryName(Network.DatabasePath)!, "sauvegarde.db");

    [Fact]
    public async Task TheBackupCommandWritesACopyThatTheRestoreCommandPutsBack()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.PostAsync(claire, Visibility.Network, "Avant la sauvegarde : un conseil juridique");

        Assert.Equal(0, DatabaseCommands.Run(["backup", BackupFile, Board]));
        await Network.PostAsync(claire, Visibility.Network, "Après la sauvegarde : perdue à la restauration");
        Assert.Equal(2, await Network.CountRequestsAsync());

        Assert.Equal(0, DatabaseCommands.Run(["restore", BackupFile, Board]));
        Assert.Equal(1, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task RestoringAFileThatDoesNotExistFailsAndLeavesTheBoardAsItIs()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.PostAsync(claire, Visibility.Network);

        Assert.Equal(1, DatabaseCommands.Run(["restore", BackupFile + ".absent", Board]));
        Assert.Equal(1, await Network.CountRequestsAsync());
    }

    [Fact]
    public void ACommandWithoutAFileSaysHowToUseIt()
    {
        Assert.Equal(2, DatabaseCommands.Run(["backup"]));
        Assert.True(DatabaseCommands.Handles(["restore", "x.db"]));
        Assert.False(DatabaseCommands.Handles(["benchmark", "writers"]));
    }
}
