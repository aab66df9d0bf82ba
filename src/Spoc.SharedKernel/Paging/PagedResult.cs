namespace Spoc.SharedKernel.Paging;

/// <summary>The paging envelope of every list: <c>{ items, page, pageSize, totalCount }</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
