using CoupDePouce.App.Benchmarks;
using CoupDePouce.Tests.Support;
using Npgsql;

namespace CoupDePouce.Tests.Domain.Persistence;

/// <summary>The tests' own PostgreSQL (issue 21's fixture): it starts from Debian's binaries on a free port, takes
/// connections, keeps its constraints, and is gone afterwards.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task AThrowAwayServerStartsTakesConnectionsKeepsItsConstraintsAndStops()
    {
        int port;
        await using (var server = new PostgresServer())
        {
            await server.StartAsync();
            port = server.Port;
            await using var connection = new NpgsqlConnection(server.ConnectionString());
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand("CREATE TABLE thanks (answer_id bigint, member_id uuid, PRIMARY KEY (answer_id, member_id))", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            var member = Guid.NewGuid();
            await using var insert = new NpgsqlCommand("INSERT INTO thanks VALUES (1, @member)", connection);
            insert.Parameters.AddWithValue("member", member);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
            var twice = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.UniqueViolation, twice.SqlState);
            await using var version = new NpgsqlCommand("SHOW server_version", connection);
            Assert.NotNull(await version.ExecuteScalarAsync());
        }

        await using var after = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username={PostgresServer.User};Database=postgres;Pooling=false;Timeout=2");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => after.OpenAsync());
    }
}
