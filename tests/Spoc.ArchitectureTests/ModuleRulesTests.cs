using System.Reflection;
using AwesomeAssertions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Spoc.ArchitectureTests;

/// <summary>Each rule is looped over every module, so a new module is held to them from its first commit.</summary>
public sealed class ModuleRulesTests
{
    public static readonly string[] Modules = ["Platform", "Cohorts", "Courses", "Assessment", "Community", "Certification", "FollowUp", "Integrations"];

    private static Assembly Module(string name) => Assembly.Load($"Spoc.Modules.{name}");

    private static Assembly Contracts(string name) => Assembly.Load($"Spoc.Modules.{name}.Contracts");

    [TestCaseSource(nameof(Modules))]
    public void A_module_references_other_modules_only_through_their_contracts(string module)
    {
        var others = Modules.Where(m => m != module).Select(m => $"Spoc.Modules.{m}").ToArray();

        Module(module).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(a => others.Any(o => a.StartsWith(o, StringComparison.Ordinal)))
            .Should().OnlyContain(a => a.EndsWith(".Contracts", StringComparison.Ordinal));

        var result = Types.InAssembly(Module(module)).ShouldNot().HaveDependencyOnAny(others.Select(o => o + ".Data").Concat(others.Select(o => o + ".Features")).ToArray()).GetResult();
        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [TestCaseSource(nameof(Modules))]
    public void Handlers_validators_and_db_contexts_are_not_public(string module)
    {
        var exposed = Module(module).GetTypes()
            .Where(t => t.IsVisible && !t.IsInterface)
            .Where(t => typeof(DbContext).IsAssignableFrom(t)
                || typeof(IValidator).IsAssignableFrom(t)
                || t.GetInterfaces().Any(i => i.IsGenericType && (
                    i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>)
                    || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)
                    || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            .Select(t => t.FullName);

        exposed.Should().BeEmpty();
    }

    [TestCaseSource(nameof(Modules))]
    public void Contracts_depend_only_on_the_shared_kernel_and_mediator_abstractions(string module)
    {
        var allowed = new[] { "Spoc.SharedKernel", "Mediator", "System", "Microsoft.CodeAnalysis", $"Spoc.Modules.{module}.Contracts" };

        Contracts(module).GetReferencedAssemblies().Select(a => a.Name!)
            .Should().OnlyContain(a => a == "Spoc.SharedKernel" || a == "Mediator" || a == "System.Runtime" || a.StartsWith("System.", StringComparison.Ordinal));

        var result = Types.InAssembly(Contracts(module)).Should().OnlyHaveDependenciesOn(allowed).GetResult();
        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [TestCaseSource(nameof(Modules))]
    public void Each_module_has_its_db_context_and_registration_calls(string module)
    {
        Module(module).GetTypes().Should().Contain(t => t.Name == $"{module}DbContext" && typeof(DbContext).IsAssignableFrom(t));
        var registration = Module(module).GetType($"Spoc.Modules.{module}.{module}Module");
        registration!.GetMethod($"Add{module}Module").Should().NotBeNull();
        registration.GetMethod($"Map{module}Endpoints").Should().NotBeNull();
    }
}
