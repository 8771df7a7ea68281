"""Model → the pages, HTML and data quizbuilder adds to a site. One module a concern:

- `urls`: where each generated page and published file lives, and links between them;
- `options`: what rendering needs besides the content (texts, storage, URL style);
- `templating`: the package's one Jinja2 environment and one JSON encoder for HTML;
- `slots`: the placeholders generated HTML waits in until Markdown has run;
- `quiz`: a quiz's HTML and the quiz data the browser scores from;
- `pages`: role pages, the roles and dimensions indexes, the results page;
- `page_assets`: which engine files a page loads, and the files published as they are;
- `new_role`: the starter file of `quizbuilder new-role`.
"""
