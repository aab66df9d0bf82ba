using System.Net;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Certification;

/// <summary>The eligibility table, with every criterion required, runs the same SQL statements for 10 learners and for 200.</summary>
public sealed class CertificationCostTests
{
    private SpocApiFactory _factory = null!;
    private CertificationWorld _ten = null!;
    private CertificationWorld _twoHundred = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _ten = await CertificationWorld.CreateAsync(_factory, learners: 10);
        _twoHundred = await CertificationWorld.CreateAsync(_factory, learners: 200);
        foreach (var world in new[] { _ten, _twoHundred })
        {
            await world.SetRulesAsync(world.Rules);
        }
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<int> StatementsAsync(CertificationWorld world, string route)
    {
        _factory.Queries.Reset();
        var response = await world.Trainer.GetAsync($"{world.Cohort}/certification/{route}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return _factory.Queries.Count;
    }

    [TestCase("eligibility?pageSize=100")]
    [TestCase("eligibility.csv")]
    public async Task Ten_learners_and_two_hundred_cost_the_same_statements(string route) =>
        (await StatementsAsync(_twoHundred, route)).Should().Be(await StatementsAsync(_ten, route));
}
