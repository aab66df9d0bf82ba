using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.RubricTemplates;

/// <summary>DELETE /organizations/{organizationId}/rubric-templates/{templateId}: assignments made from it keep their copy.</summary>
internal static class DeleteRubricTemplate
{
    public sealed record Command(Guid OrganizationId, Guid TemplateId, string? IfMatch) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IfMatch).MaximumLength(200);
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await sender.RequireTemplateAuthorAsync(command.OrganizationId, me.Id, cancellationToken);
            var template = await db.RubricTemplates.FirstOrDefaultAsync(t => t.Id == command.TemplateId && t.OrganizationId == command.OrganizationId, cancellationToken)
                ?? throw ProblemException.NotFound("This rubric template");
            db.Expect(template, command.IfMatch);
            db.RubricTemplates.Remove(template);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/organizations/{organizationId:guid}/rubric-templates/{templateId:guid}",
                async (Guid organizationId, Guid templateId, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                {
                    await sender.Send(new Command(organizationId, templateId, ifMatch), ct);
                    return TypedResults.NoContent();
                })
            .WithName("DeleteRubricTemplate")
            .WithSummary("Delete a rubric template (org admins, trainers)")
            .WithDescription("The organisation's admins and trainers (its mentors and learners 403; others 404). Assignments made from it keep their copy. `If-Match` with its `ETag` is optional: 412 when stale.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
