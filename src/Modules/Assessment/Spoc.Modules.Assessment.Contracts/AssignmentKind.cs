namespace Spoc.Modules.Assessment.Contracts;

/// <summary>The kinds of continuous-assessment work (API.md, Assessment).</summary>
public enum AssignmentKind
{
    Quiz,
    Text,
    File,
    GroupProject,
}
