namespace Spoc.SharedKernel.Paging;

/// <summary>The paging envelope of every list: <c>{ items, page, pageSize, totalCount }</c>.</summary>
/// <param name="Items">This page's items, at most <c>pageSize</c>.</param>
/// <param name="Page">1-based number of this page.</param>
/// <param name="PageSize">Items per page, as asked (1 to 100, default 20).</param>
/// <param name="TotalCount">Items in the whole list, across all pages.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
