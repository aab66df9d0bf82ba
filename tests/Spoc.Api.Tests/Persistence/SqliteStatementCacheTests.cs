using AwesomeAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Cohorts.Data;
using Spoc.SharedKernel.Persistence;
using SQLitePCL;

namespace Spoc.Api.Tests.Persistence;

/// <summary>
/// SQL that a native connection has compiled once is not compiled again (<see cref="SqliteStatementCache"/>), not even
/// across requests, while every command still sees its own parameters, the current schema and its own SQL functions.
/// </summary>
public sealed class SqliteStatementCacheTests
{
    private const string Sql = "SELECT Name FROM T WHERE Id = $id";
    private const int StatusReprepare = 5; // SQLITE_STMTSTATUS_REPREPARE: how many times SQLite compiled the statement again
    private const int StatusRun = 6; // SQLITE_STMTSTATUS_RUN: how many times the statement has run, this use included

    [Test]
    public async Task A_statement_run_again_in_a_later_request_is_the_one_compiled_before_and_is_not_recompiled()
    {
        using var factory = new SpocApiFactory();
        var runs = new List<(int Ran, int Reprepared)>();
        for (var i = 0; i < 6; i++)
        {
            runs.Add(await RunInScopeAsync(factory)); // a pooled context, then a native connection from the pool: EF defines its functions again on it
        }

        runs.Max(r => r.Ran).Should().BeGreaterThan(1, "a native connection comes back from the pool with the statement it compiled for an earlier request");
        runs.Should().AllSatisfy(r => r.Reprepared.Should().Be(0, "defining the same SQL functions again must not expire the statements"));
    }

    [Test]
    public void Each_command_reads_with_its_own_parameters_on_a_reused_statement()
    {
        using var db = Database.Open();
        var answers = new[] { 1, 2, 1 }.Select(id => Scalar(db.Connection, Sql, ("$id", id))).ToList();
        answers.Should().Equal("one", "two", "one");
    }

    [Test]
    public void A_reused_statement_sees_a_changed_schema()
    {
        using var db = Database.Open();
        Scalar(db.Connection, "SELECT * FROM T WHERE Id = 1").Should().Be(1L);
        Execute(db.Connection, "ALTER TABLE T ADD COLUMN Extra TEXT DEFAULT 'x'");
        using var command = db.Connection.CreateCommand();
        command.CommandText = "SELECT * FROM T WHERE Id = 1";
        using var reader = command.ExecuteReader();
        reader.FieldCount.Should().Be(3);
    }

    [Test]
    public void Two_readers_of_the_same_SQL_at_once_each_get_a_statement()
    {
        using var db = Database.Open();
        using var first = Command(db.Connection, Sql, 1);
        using var second = Command(db.Connection, Sql, 2);
        using var a = first.ExecuteReader();
        using var b = second.ExecuteReader();
        a.Handle!.DangerousGetHandle().Should().NotBe(b.Handle!.DangerousGetHandle());
        (a.Read(), b.Read()).Should().Be((true, true));
        (a.GetString(0), b.GetString(0)).Should().Be(("one", "two"));
    }

    [Test]
    public void A_function_defined_differently_on_the_same_native_connection_takes_effect()
    {
        using var db = Database.Open();
        var native = db.Connection.Handle!.DangerousGetHandle();
        db.Connection.CreateFunction("spoc_answer", () => 1L);
        Scalar(db.Connection, "SELECT spoc_answer()").Should().Be(1L);
        db.Connection.Close();

        db.Connection.CreateFunction("spoc_answer", () => 2L);
        db.Connection.Open();
        db.Connection.Handle!.DangerousGetHandle().Should().Be(native, "the pool gave the same native connection back");
        Scalar(db.Connection, "SELECT spoc_answer()").Should().Be(2L);
    }

    [Test]
    public void The_next_user_of_a_native_connection_defining_the_same_functions_does_not_expire_its_statements()
    {
        using var db = Database.Open();
        db.Connection.Close();
        var ran = new List<(int Ran, int Reprepared)>();
        for (var user = 0; user < 3; user++)
        {
            using var connection = new SqliteConnection(db.Connection.ConnectionString); // a new object each time, as EF's pooled contexts give
            connection.CreateFunction("spoc_twice", (long x) => x * 2, isDeterministic: true);
            connection.CreateAggregate("spoc_total", 0L, (long total, long x) => total + x, total => total);
            connection.Open();
            using var command = Command(connection, "SELECT spoc_total(spoc_twice(Id)) FROM T WHERE Id >= $id", 1);
            using var reader = command.ExecuteReader();
            reader.Read();
            reader.GetInt64(0).Should().Be(6);
            ran.Add((raw.sqlite3_stmt_status(reader.Handle, StatusRun, 0), raw.sqlite3_stmt_status(reader.Handle, StatusReprepare, 0)));
        }

        ran.Should().Equal((1, 0), (2, 0), (3, 0));
    }

    [Test]
    public void A_function_one_user_defined_is_gone_for_the_next_user_of_the_native_connection()
    {
        using var db = Database.Open();
        var native = db.Connection.Handle!.DangerousGetHandle();
        db.Connection.CreateFunction("spoc_answer", () => 1L);
        db.Connection.Close();

        using var next = new SqliteConnection(db.Connection.ConnectionString);
        next.Open();
        next.Handle!.DangerousGetHandle().Should().Be(native, "the pool gave the same native connection back");
        var call = () => Scalar(next, "SELECT spoc_answer()");
        call.Should().Throw<SqliteException>().WithMessage("*no such function*");
    }

    private static async Task<(int Ran, int Reprepared)> RunInScopeAsync(SpocApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
        await db.Cohorts.AnyAsync(); // opened by EF, with its interceptors and SQL functions
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var command = Command(connection, "SELECT COUNT(*) FROM Cohorts WHERE Title <> $id", 0);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (raw.sqlite3_stmt_status(reader.Handle, StatusRun, 0), raw.sqlite3_stmt_status(reader.Handle, StatusReprepare, 0));
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, object id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return command;
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A pooled file database of its own, with the cache installed as the application installs it.</summary>
    private sealed class Database : IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"spoc-stmt-{Guid.NewGuid():N}.db");

        private Database()
        {
            SqliteStatementCache.Install();
            Connection = new SqliteConnection($"Data Source={_path};Pooling=True");
            Connection.Open();
            Execute(Connection, "CREATE TABLE T (Id INTEGER PRIMARY KEY, Name TEXT); INSERT INTO T VALUES (1, 'one'), (2, 'two');");
        }

        public SqliteConnection Connection { get; }

        public static Database Open() => new();

        public void Dispose()
        {
            Connection.Dispose();
            SqliteConnection.ClearPool(new SqliteConnection($"Data Source={_path};Pooling=True")); // closes the native connection: its statements are finalized first
            File.Delete(_path);
        }
    }
}
