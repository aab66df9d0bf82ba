using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Spoc.SharedKernel.Persistence;

/// <summary>
/// Keeps the statements SQLite has compiled, per native connection, so that running the same SQL again skips
/// <c>sqlite3_prepare</c>: parsing and planning EF's SQL was a quarter of the CPU of a small read (docs/performance.md),
/// because Microsoft.Data.Sqlite keeps prepared statements per command only (dotnet/efcore#14044) and EF creates a command
/// for every execution. It sits between Microsoft.Data.Sqlite and the native library (SQLitePCL's provider interface):
/// a prepare whose SQL this connection has compiled before lends the compiled statement, and the command's finalize gives
/// it back reset and unbound instead of destroying it. A statement is lent to one command at a time (a second command
/// with the same SQL while it is out gets a statement of its own), at most <see cref="PerConnection"/> are kept per
/// connection (the least recently used goes first), and all are finalized before their connection closes. A reset
/// statement holds no lock and no read snapshot; after a schema change SQLite recompiles it at its next step.
/// </summary>
public sealed partial class SqliteStatementCache(ISQLite3Provider inner) : ISQLite3Provider
{
    private const int PerConnection = 128;
    private const int SqliteOk = 0;
    private const int SqliteConfigMemStatus = 9;

    // Collations are named apart from functions: their key's arity is one no function has.
    private const int CollationArity = int.MinValue;

    private static readonly Lazy<bool> Installed = new(() =>
    {
        Batteries_V2.Init();
        ISQLite3Provider native = new SQLite3Provider_e_sqlite3();
        // Without this, SQLite counts every allocation under one process-wide mutex (e_sqlite3 is built with the count on):
        // requests running SQLite on both cores queued on it, 10% of a thread page's CPU (docs/performance.md). Nothing
        // reads the count. SQLite refuses it (SQLITE_MISUSE) once a connection has opened: then it only costs that time.
        _ = native.sqlite3_config(SqliteConfigMemStatus, 0);
        raw.SetProvider(new SqliteStatementCache(native));
        raw.FreezeProvider(); // Microsoft.Data.Sqlite initialises SQLitePCL again on its first use: that must not undo this.
        return true;
    });

    // A wrapper type's comparison of its fields, or null for a type compared by reference: compiled once per type. Every
    // connection open compares about ten definitions; an attribute lookup, then reading the fields by reflection, at each
    // one cost 3% of a thread page's CPU (docs/performance.md).
    private static readonly ConcurrentDictionary<Type, Func<object, object, bool>?> Comparers = new();

    // The names of functions and collations by their UTF-8 bytes: the few EF defines, decoded once.
    private static readonly ConcurrentDictionary<byte[], string> Names = new(SqlComparer.Instance);

    private readonly ConcurrentDictionary<IntPtr, Connection> _connections = new();
    private readonly ConcurrentDictionary<IntPtr, (Connection Owner, Entry Entry)> _lent = new();

    /// <summary>Once per process, before the first SQLite connection opens (the API's start-up does it first thing).</summary>
    public static void Install() => _ = Installed.Value;

    int ISQLite3Provider.sqlite3_prepare_v2(sqlite3 db, ReadOnlySpan<byte> sql, out IntPtr stmt, out ReadOnlySpan<byte> remain)
    {
        var connection = Known(db);
        if (connection.Undefined.Count > 0)
        {
            RemoveUndefined(db, connection);
        }

        if (connection.TryLend(sql, out var cached))
        {
            _lent[cached.Statement] = (connection, cached);
            stmt = cached.Statement;
            remain = sql[cached.Length..];
            return SqliteOk;
        }

        var rc = inner.sqlite3_prepare_v2(db, sql, out stmt, out remain);
        if (rc == SqliteOk && stmt != IntPtr.Zero && connection.TryAdd(sql, stmt, sql.Length - remain.Length, inner) is { } added)
        {
            _lent[stmt] = (connection, added);
        }

        return rc;
    }

    int ISQLite3Provider.sqlite3_finalize(IntPtr stmt)
    {
        if (!_lent.TryRemove(stmt, out var lent))
        {
            return inner.sqlite3_finalize(stmt);
        }

        // What a fresh statement would be: not stepping, no values bound.
        _ = NativeReset(stmt);
        _ = NativeClearBindings(stmt);
        lent.Owner.GiveBack(lent.Entry, inner);
        return SqliteOk;
    }

    // Defining or removing a function or a collation expires every statement compiled on the connection, and
    // Microsoft.Data.Sqlite removes EF's when a connection goes back to its pool and defines them again when it comes out.
    // So a removal waits for the connection's next statement (a definition of the same name before then cancels it), and a
    // definition the connection already has is skipped. Every open of a connection goes through here about twenty times:
    // the path of a definition already known allocates nothing (docs/performance.md, session 22).
    int ISQLite3Provider.sqlite3_create_function(sqlite3 db, byte[] name, int nArg, int flags, object v, delegate_function_scalar func) =>
        Define(db, name, nArg, DefinitionKind.Scalar, flags, v, func, null);

    int ISQLite3Provider.sqlite3_create_function(sqlite3 db, byte[] name, int nArg, int flags, object v, delegate_function_aggregate_step func_step, delegate_function_aggregate_final func_final) =>
        Define(db, name, nArg, DefinitionKind.Aggregate, flags, v, func_step, func_final);

    int ISQLite3Provider.sqlite3_create_collation(sqlite3 db, byte[] name, object v, delegate_collation func) =>
        Define(db, name, CollationArity, DefinitionKind.Collation, 0, v, func, null);

    int ISQLite3Provider.sqlite3_close_v2(IntPtr db) => Close(db, inner.sqlite3_close_v2);

    int ISQLite3Provider.sqlite3_close(IntPtr db) => Close(db, inner.sqlite3_close);

    // SQLite's names of functions and collations ignore ASCII case. Microsoft.Data.Sqlite encodes the name anew at each call.
    private static string Name(byte[] name) =>
        Names.GetOrAdd(name, static n => Encoding.UTF8.GetString(n).TrimEnd('\0').ToLowerInvariant());

    private int Define(sqlite3 db, byte[] name, int arity, DefinitionKind kind, int flags, object? state, Delegate? code, Delegate? final)
    {
        var connection = Known(db);
        var key = (Name(name), arity);
        lock (connection)
        {
            if (code is null)
            {
                connection.Undefined.Add(key);
                return SqliteOk;
            }

            connection.Undefined.Remove(key);
            if (connection.Defined.TryGetValue(key, out var known) && known.Flags == flags
                && Same(known.State, state) && Same(known.Code, code) && Same(known.Final, final))
            {
                return SqliteOk;
            }

            var definition = new Definition(name, arity, kind, flags, state, code, final);
            var rc = Native(db, definition, remove: false);
            if (rc == SqliteOk)
            {
                connection.Defined[key] = definition;
            }

            return rc;
        }
    }

    /// <summary>Carries out the removals no definition has cancelled, before the connection compiles or runs anything.</summary>
    private void RemoveUndefined(sqlite3 db, Connection connection)
    {
        lock (connection)
        {
            foreach (var key in connection.Undefined)
            {
                if (connection.Defined.TryGetValue(key, out var definition) && Native(db, definition, remove: true) == SqliteOk)
                {
                    connection.Defined.Remove(key);
                }
            }

            connection.Undefined.Clear();
        }
    }

    private int Native(sqlite3 db, Definition d, bool remove) => d.Kind switch
    {
        DefinitionKind.Scalar => inner.sqlite3_create_function(db, d.Name, d.Arity, d.Flags, remove ? null : d.State, remove ? null : (delegate_function_scalar?)d.Code),
        DefinitionKind.Aggregate => inner.sqlite3_create_function(db, d.Name, d.Arity, d.Flags, remove ? null : d.State,
            remove ? null : (delegate_function_aggregate_step?)d.Code, remove ? null : (delegate_function_aggregate_final?)d.Final),
        _ => inner.sqlite3_create_collation(db, d.Name, remove ? null : d.State, remove ? null : (delegate_collation?)d.Code),
    };

    // Microsoft.Data.Sqlite wraps a function in new closures, and an aggregate in a new holder of its seed and code, at each definition:
    // two of those of one type whose captures are the same are the same definition. Anything else must be the same object
    // (or an equal string or value).
    private static bool Same(object? a, object? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.GetType() == b.GetType() && a switch
        {
            Delegate d => d.Method == ((Delegate)b).Method && Same(d.Target, ((Delegate)b).Target),
            string or ValueType => a.Equals(b),
            _ => Comparers.GetOrAdd(a.GetType(), ComparerOf) is { } same && same(a, b),
        });

    /// <summary><c>(a, b) => Same(a.f1, b.f1) &amp;&amp; Same(a.f2, b.f2) …</c> over a wrapper's fields, private ones included.</summary>
    private static Func<object, object, bool>? ComparerOf(Type type)
    {
        if (!IsWrapper(type))
        {
            return null;
        }

        var (a, b) = (Expression.Parameter(typeof(object)), Expression.Parameter(typeof(object)));
        var same = ((Func<object?, object?, bool>)Same).Method;
        Expression FieldOf(ParameterExpression o, FieldInfo f) => Expression.Convert(Expression.Field(Expression.Convert(o, type), f), typeof(object));
        var body = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Aggregate((Expression)Expression.Constant(true), (all, f) => Expression.AndAlso(all, Expression.Call(same, FieldOf(a, f), FieldOf(b, f))));
        return Expression.Lambda<Func<object, object, bool>>(body, a, b).Compile();
    }

    private static bool IsWrapper(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), false)
        || (type.Namespace == "Microsoft.Data.Sqlite" && type.Name.StartsWith("Aggregate", StringComparison.Ordinal)); // its seed holders (AggregateDefinition in 10.0)

    private Connection Known(sqlite3 db) => _connections.GetOrAdd(db.DangerousGetHandle(), _ => new Connection());

    private int Close(IntPtr db, Func<IntPtr, int> close)
    {
        if (_connections.TryRemove(db, out var connection))
        {
            // Statements still out are finalized for real when their command lets go (close_v2 waits for them).
            foreach (var lent in _lent.Where(l => l.Value.Owner == connection).ToList())
            {
                _lent.TryRemove(lent.Key, out _);
            }

            connection.FinalizeIdle(inner);
        }

        return close(db);
    }

    // The library SQLitePCL's provider already loaded; its interface only resets through a handle object.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_reset")]
    private static extern int NativeReset(IntPtr stmt);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_clear_bindings")]
    private static extern int NativeClearBindings(IntPtr stmt);

    private sealed class Entry(byte[] sql, IntPtr statement, int length)
    {
        public byte[] Sql { get; } = sql;
        public IntPtr Statement { get; } = statement;
        public int Length { get; } = length;
        public LinkedListNode<Entry>? Idle { get; set; }
    }

    private enum DefinitionKind
    {
        Scalar,
        Aggregate,
        Collation,
    }

    /// <summary>A function's or collation's definition, as given to SQLite.</summary>
    private sealed record Definition(byte[] Name, int Arity, DefinitionKind Kind, int Flags, object? State, Delegate? Code, Delegate? Final);

    /// <summary>One native connection's statements, by SQL text (<c>_idle</c> in least recently used order), and its functions.</summary>
    private sealed class Connection
    {
        private readonly Dictionary<byte[], Entry> _bySql = new(SqlComparer.Instance);
        private readonly LinkedList<Entry> _idle = new();

        /// <summary>The functions and collations defined on it, by name and number of arguments.</summary>
        public Dictionary<(string Name, int Arity), Definition> Defined { get; } = [];

        /// <summary>The removals asked for and not carried out yet.</summary>
        public HashSet<(string Name, int Arity)> Undefined { get; } = [];

        public bool TryLend(ReadOnlySpan<byte> sql, out Entry entry)
        {
            lock (this)
            {
                if (_bySql.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(sql, out entry!) && entry.Idle is { } node)
                {
                    _idle.Remove(node);
                    entry.Idle = null;
                    return true;
                }

                return false;
            }
        }

        public Entry? TryAdd(ReadOnlySpan<byte> sql, IntPtr statement, int length, ISQLite3Provider native)
        {
            lock (this)
            {
                if (_bySql.GetAlternateLookup<ReadOnlySpan<byte>>().ContainsKey(sql))
                {
                    return null; // the cached one is out: this one is finalized for real when done
                }

                if (_bySql.Count >= PerConnection)
                {
                    if (_idle.First is not { } oldest)
                    {
                        return null;
                    }

                    _idle.RemoveFirst();
                    _bySql.Remove(oldest.Value.Sql);
                    _ = native.sqlite3_finalize(oldest.Value.Statement);
                }

                var entry = new Entry(sql.ToArray(), statement, length);
                _bySql.Add(entry.Sql, entry);
                return entry;
            }
        }

        public void GiveBack(Entry entry, ISQLite3Provider native)
        {
            lock (this)
            {
                if (_bySql.TryGetValue(entry.Sql, out var current) && current == entry)
                {
                    entry.Idle = _idle.AddLast(entry);
                }
                else
                {
                    _ = native.sqlite3_finalize(entry.Statement); // its connection closed meanwhile
                }
            }
        }

        public void FinalizeIdle(ISQLite3Provider native)
        {
            lock (this)
            {
                foreach (var entry in _idle)
                {
                    _ = native.sqlite3_finalize(entry.Statement);
                }

                _idle.Clear();
                _bySql.Clear();
            }
        }
    }

    private sealed class SqlComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly SqlComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
