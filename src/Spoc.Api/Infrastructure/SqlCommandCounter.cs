using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// <c>Diagnostics:CountSqlCommands=true</c> (off by default): every response carries <c>X-Sql-Commands</c>, the number of
/// SQL commands the request executed, so the benchmark harness (bench/run.sh) can show which routes grow with the data.
/// Counted per request through an async-local, which follows the request into every module's DbContext.
/// </summary>
internal sealed class SqlCommandCounter : DbCommandInterceptor
{
    public const string Header = "X-Sql-Commands";

    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    public static IServiceCollection AddIfEnabled(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("Diagnostics:CountSqlCommands"))
        {
            services.AddSingleton<IInterceptor, SqlCommandCounter>();
        }

        return services;
    }

    public static void UseIfEnabled(IApplicationBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Diagnostics:CountSqlCommands"))
        {
            return;
        }

        app.Use((context, next) =>
        {
            var count = new StrongBox<int>();
            Current.Value = count;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (Current.Value is { } count)
        {
            Interlocked.Increment(ref count.Value);
        }

        return result;
    }
}
