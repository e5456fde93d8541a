// The CI workflows `casebook init --ci github|gitlab` writes: on a push to the main branch,
// check the studies (--strict; --published-only, as a draft in progress must not stop the
// site: the export leaves drafts out), export the site and deploy it to Pages; on a pull (merge)
// request, check and keep the site as an artifact for review. Every step runs $CASEBOOK, the
// command the team gave (`--ci-run`), so installing Casebook another way changes one line.
export const ciProviders = ['github', 'gitlab'] as const;
export type CiProvider = (typeof ciProviders)[number];

// The export must go outside the workspace (it refuses an overlapping folder): the runner's
// temp folder on GitHub; beside the project on GitLab, then moved to public/ (Pages' folder).

export interface CiWorkflow {
  /** Where the file goes, relative to the workspace. */
  path: string;
  text: string;
}

function github(cli: string, branch: string): CiWorkflow {
  const text = `# Written by casebook init --ci github: checks the case studies and publishes the site.
# Push to ${branch}: check, export, deploy to GitHub Pages (Settings → Pages → Source: GitHub Actions).
# Pull request: check, export, and the site is kept as the "site" artifact for review.
name: Casebook site
on:
  push:
    branches: [${branch}]
  pull_request:
permissions:
  contents: read
env:
  CASEBOOK: ${JSON.stringify(cli.trim())}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Check the case studies
        run: $CASEBOOK check --strict --published-only --workspace .
      - name: Export the site
        run: $CASEBOOK export --format site --out "$RUNNER_TEMP/site" --workspace .
      - name: Keep the site for review
        if: github.event_name == 'pull_request'
        uses: actions/upload-artifact@v4
        with:
          name: site
          path: \${{ runner.temp }}/site
      - name: Hand the site to Pages
        if: github.event_name == 'push'
        uses: actions/upload-pages-artifact@v3
        with:
          path: \${{ runner.temp }}/site
  deploy:
    if: github.event_name == 'push'
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
`;
  return { path: '.github/workflows/casebook-site.yml', text };
}

function gitlab(cli: string): CiWorkflow {
  const text = `# Written by casebook init --ci gitlab: checks the case studies and publishes the site.
# Push to the default branch: check, export, deploy to GitLab Pages (the "pages" job).
# Merge request: check, export, and the site is kept as an artifact for review.
image: node:22
variables:
  CASEBOOK: ${JSON.stringify(cli.trim())}
pages:
  script:
    - $CASEBOOK check --strict --published-only --workspace .
    - $CASEBOOK export --format site --out "$CI_PROJECT_DIR-site" --workspace .
    - mv "$CI_PROJECT_DIR-site" public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
review-site:
  script:
    - $CASEBOOK check --strict --published-only --workspace .
    - $CASEBOOK export --format site --out "$CI_PROJECT_DIR-site" --workspace .
    - mv "$CI_PROJECT_DIR-site" site
  artifacts:
    expose_as: site
    paths:
      - site/
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
`;
  return { path: '.gitlab-ci.yml', text };
}

/**
 * The workflow for `provider`; `cli` is how CI runs Casebook (e.g. "npx --yes
 * github:your-org/casebook#v0.1.0"), written as a quoted YAML string.
 */
export function ciWorkflow(provider: CiProvider, cli: string, branch = 'main'): CiWorkflow {
  return provider === 'github' ? github(cli, branch) : gitlab(cli);
}
