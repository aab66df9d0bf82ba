using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Spoc.SharedKernel.Paging;

/// <summary><c>?page=1&amp;pageSize=20</c>, bound from the query string with <c>[AsParameters]</c>.</summary>
public sealed record PageRequest(
    [FromQuery(Name = "page")] int Page = 1,
    [FromQuery(Name = "pageSize")] int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;
}

public sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(p => p.Page).InclusiveBetween(1, PageRequest.MaxPage);
        RuleFor(p => p.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

public static class PagingExtensions
{
    /// <summary>Two queries whatever the size of the data: a count and one page, both in SQL (none for the page when the count is 0).</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken ct) =>
        await request.ToPageAsync(await query.CountAsync(ct), (skip, take) => query.Skip(skip).Take(take).AsAsyncEnumerable(), ct);

    /// <summary>One query, when the total is already known (counted along with other figures): the page query given its skip and take.</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this PageRequest request, int total, Func<int, int, IAsyncEnumerable<T>> page, CancellationToken ct) =>
        new(total == 0 ? [] : await page((request.Page - 1) * request.PageSize, request.PageSize).ToListAsync(ct), request.Page, request.PageSize, total);
}
