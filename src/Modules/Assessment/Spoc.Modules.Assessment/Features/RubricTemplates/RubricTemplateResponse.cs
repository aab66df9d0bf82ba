using FluentValidation;
using Mediator;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Assessment.Features.Assignments;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Assessment.Features.RubricTemplates;

/// <summary>A rubric an organisation reuses across its cohorts; <c>ETag</c> is its version for <c>If-Match</c>.</summary>
/// <param name="Rubric">Its criteria and levels; competency codes are checked against a cohort's course when an assignment copies it.</param>
internal sealed record RubricTemplateResponse(Guid Id, Guid OrganizationId, string Title, Rubric Rubric, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Guid Version)
    : IVersioned
{
    public static RubricTemplateResponse From(RubricTemplate t) => new(t.Id, t.OrganizationId, t.Title, new Rubric(t.Criteria), t.CreatedAt, t.UpdatedAt, t.Version);
}

/// <summary>What staff send for a rubric template, on creation and on update (the whole template each time).</summary>
/// <param name="Title">How trainers find it (at most 200 characters).</param>
/// <param name="Rubric">1 to 30 criteria of 2 to 10 levels, as for an assignment; a criterion's <c>competencyCode</c> is free here.</param>
internal sealed record RubricTemplateInput(string Title, Rubric Rubric);

internal sealed class RubricTemplateInputValidator : AbstractValidator<RubricTemplateInput>
{
    public RubricTemplateInputValidator()
    {
        RuleFor(t => t.Title).NotEmpty().MaximumLength(200);
        RuleFor(t => t.Rubric).NotNull().SetValidator(new RubricValidator());
    }
}

internal static class RubricTemplateAccess
{
    /// <summary>An organisation's admins and trainers write its rubric templates; its other members 403; everyone else 404.</summary>
    public static async Task RequireTemplateAuthorAsync(this ISender sender, Guid organizationId, Guid userId, CancellationToken ct)
    {
        var role = await sender.Send(new GetOrganizationRole(organizationId, userId), ct) ?? throw ProblemException.NotFound("This organisation");
        if (role is not (OrganizationRole.OrgAdmin or OrganizationRole.Trainer))
        {
            throw ProblemException.Forbidden("Only the organisation's admins and trainers manage its rubric templates.");
        }
    }

    public static void Apply(this RubricTemplate template, RubricTemplateInput input, DateTimeOffset now)
    {
        template.Title = input.Title.Trim();
        if (!Rubric.SameContent(template.Criteria, input.Rubric.Criteria))
        {
            template.Criteria = Rubric.WithNewIds(input.Rubric.Criteria);
        }

        template.UpdatedAt = now;
    }
}
