using Mediator;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// May this person read this thread (and so follow its new posts live)? The same rule as every forum route
/// (<see cref="ForumAccess"/>); false for an unknown thread. The live hub asks it before subscribing a connection.
/// </summary>
internal sealed record CanReadThread(Guid UserId, Guid ThreadId) : IQuery<bool>
{
    internal sealed class Handler(CommunityDbContext db, ISender sender) : IQueryHandler<CanReadThread, bool>
    {
        public async ValueTask<bool> Handle(CanReadThread query, CancellationToken cancellationToken)
        {
            try
            {
                await db.ReadableThreadAsync(sender, query.UserId, query.ThreadId, cancellationToken);
                return true;
            }
            catch (ProblemException e) when (e.Status == 404)
            {
                return false;
            }
        }
    }
}
