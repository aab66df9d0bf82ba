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

/// <summary>
/// PUT /organizations/{organizationId}/rubric-templates/{templateId}: replace a template. Assignments made from it keep their
/// copy, so grades never move under a template edit. <c>If-Match</c> → 412 on a stale copy.
/// </summary>
internal static class UpdateRubricTemplate
{
    public sealed record Command(Guid OrganizationId, Guid TemplateId, string? IfMatch, RubricTemplateInput Template) : ICommand<RubricTemplateResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Template).SetValidator(new RubricTemplateInputValidator());
        }
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, RubricTemplateResponse>
    {
        public async ValueTask<RubricTemplateResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await sender.RequireTemplateAuthorAsync(command.OrganizationId, me.Id, cancellationToken);
            var template = await db.RubricTemplates.FirstOrDefaultAsync(t => t.Id == command.TemplateId && t.OrganizationId == command.OrganizationId, cancellationToken)
                ?? throw ProblemException.NotFound("This rubric template");
            db.Expect(template, command.IfMatch);
            template.Apply(command.Template, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return RubricTemplateResponse.From(template);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/organizations/{organizationId:guid}/rubric-templates/{templateId:guid}",
                async (Guid organizationId, Guid templateId, RubricTemplateInput template, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                    TypedResults.Ok(await sender.Send(new Command(organizationId, templateId, ifMatch, template), ct)))
            .WithName("UpdateRubricTemplate")
            .WithSummary("Edit a rubric template (org admins, trainers)")
            .WithDescription("The organisation's admins and trainers (its mentors and learners 403; others 404). Replaces the whole template; assignments already made from it keep their own copy. Send its `ETag` as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
