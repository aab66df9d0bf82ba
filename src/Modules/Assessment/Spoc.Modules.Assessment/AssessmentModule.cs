using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Features.Assignments;
using Spoc.Modules.Assessment.Features.Competencies;
using Spoc.Modules.Assessment.Features.Gradebook;
using Spoc.Modules.Assessment.Features.Grading;
using Spoc.Modules.Assessment.Features.Home;
using Spoc.Modules.Assessment.Features.RubricTemplates;
using Spoc.Modules.Assessment.Features.Submissions;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment;

/// <summary>Continuous assessment: assignments, submissions, grading, the gradebook and competency mastery (issue 11).</summary>
public static class AssessmentModule
{
    public static IServiceCollection AddAssessmentModule(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddModuleDbContext<AssessmentDbContext>(AssessmentDbContext.Schema)
            .AddSingleton<IStartupTask, Seeding.DemoAssessment>();

    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder api)
    {
        var assessment = api.MapGroup("").WithTags("Assessment");
        CreateAssignment.MapEndpoint(assessment);
        ListAssignments.MapEndpoint(assessment);
        GetAssignment.MapEndpoint(assessment);
        UpdateAssignment.MapEndpoint(assessment);
        CreateSubmission.MapEndpoint(assessment);
        ListSubmissions.MapEndpoint(assessment);
        GetSubmission.MapEndpoint(assessment);
        DownloadSubmissionFile.MapEndpoint(assessment);
        GradeSubmission.MapEndpoint(assessment);
        GetGradeHistory.MapEndpoint(assessment);
        CreateRubricTemplate.MapEndpoint(assessment);
        ListRubricTemplates.MapEndpoint(assessment);
        GetRubricTemplate.MapEndpoint(assessment);
        UpdateRubricTemplate.MapEndpoint(assessment);
        DeleteRubricTemplate.MapEndpoint(assessment);
        GetLearnerCompetencies.MapEndpoint(assessment);
        GetCompetencyHeatmap.MapEndpoint(assessment);
        GetGradebookPolicy.MapEndpoint(assessment);
        UpdateGradebookPolicy.MapEndpoint(assessment);
        GetGradebook.MapEndpoint(assessment);
        ExportGradebook.MapEndpoint(assessment);
        ListMyAssignments.MapEndpoint(assessment);
        ListToGrade.MapEndpoint(assessment);
        return api;
    }
}
