using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.RubricTemplates;

/// <summary>POST /organizations/{organizationId}/rubric-templates: an organisation's admins and trainers save a rubric to reuse in its cohorts.</summary>
internal static class CreateRubricTemplate
{
    public sealed record Command(Guid OrganizationId, RubricTemplateInput Template) : ICommand<RubricTemplateResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Template).SetValidator(new RubricTemplateInputValidator());
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, RubricTemplateResponse>
    {
        public async ValueTask<RubricTemplateResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await sender.RequireTemplateAuthorAsync(command.OrganizationId, me.Id, cancellationToken);
            var now = clock.GetUtcNow();
            var template = new RubricTemplate { OrganizationId = command.OrganizationId, Title = "", CreatedBy = me.Id, CreatedAt = now };
            template.Apply(command.Template, now);
            db.RubricTemplates.Add(template);
            await db.SaveChangesAsync(cancellationToken);
            return RubricTemplateResponse.From(template);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{organizationId:guid}/rubric-templates", async (Guid organizationId, RubricTemplateInput template, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new Command(organizationId, template), ct);
                return TypedResults.Created($"/api/v1/organizations/{organizationId}/rubric-templates/{created.Id}", created);
            })
            .WithName("CreateRubricTemplate")
            .WithSummary("Save a rubric template for the organisation's cohorts (org admins, trainers)")
            .WithDescription("The organisation's admins and trainers (its mentors and learners 403; others 404). `rubric`: 1-30 criteria of 2-10 levels listed from the lowest, points strictly increasing. An assignment copies it with `rubricTemplateId`; later edits of the template do not change that copy.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
