# Builds a site with the real Jekyll, as `jekyll build --safe` does, and prints what Jekyll read and wrote
# as JSON: each document's front matter facts, its rendered body, and its body converted without Liquid.
# Usage: ruby jekyllFacts.rb SOURCE DESTINATION
require "jekyll"
require "json"

source, destination = ARGV
# Safe mode loads only whitelisted gems (GitHub Pages' whitelist): allow the plugins installed here.
installed = %w[jekyll-feed jekyll-sitemap jekyll-seo-tag jekyll-redirect-from jekyll-paginate jekyll-archives jekyll-relative-links]
config = Jekyll.configuration(
  "source" => source, "destination" => destination, "quiet" => true, "safe" => true,
  "whitelist" => installed, "incremental" => false
)
config["plugins"] = Array(config["plugins"]).select { |p| installed.include?(p) }
# A real blog's own plugins (not run in safe mode) or gems not installed here define Liquid tags the build then
# stops at: each unknown tag becomes one that prints nothing (a block when its `end` tag shows up), and the
# build starts again. The run reports which tags were stubbed.
class StubTag < Liquid::Tag
  def render(_context) = ""
end

class StubBlock < Liquid::Block
  def render(_context) = ""
end

stubbed = []
begin
  site = Jekyll::Site.new(config)
  site.process
rescue Liquid::SyntaxError => e
  name = e.message[/Unknown tag '([^']+)'/, 1]
  if name && stubbed.length < 30
    if name.start_with?("end") && stubbed.include?(name[3..])
      Liquid::Template.register_tag(name[3..], StubBlock)
    else
      Liquid::Template.register_tag(name, StubTag)
    end
    stubbed << name
    retry
  end
  puts JSON.generate({ "error" => "#{e.class}: #{e.message}" })
  exit 0
rescue StandardError, SyntaxError => e
  puts JSON.generate({ "error" => "#{e.class}: #{e.message}" })
  exit 0
end

markdown = site.find_converter_instance(Jekyll::Converters::Markdown)

def time_of(value)
  value.respond_to?(:iso8601) ? value.iso8601 : value
end

def jsonable(value)
  case value
  when Time, Date, DateTime then time_of(value)
  when Array then value.map { |v| jsonable(v) }
  when Hash then value.transform_values { |v| jsonable(v) }
  when String, Integer, Float, TrueClass, FalseClass, NilClass then value
  else value.to_s
  end
end

# The body as kramdown sees it without Liquid's output: a `{% highlight %}` block is code that Liquid makes, written
# as a fence at the first column (its output is code however indented) its code text is the one before Liquid; a line of Liquid tags that print nothing is empty after Liquid.
def without_liquid_lines(body)
  body
    .gsub(/^ {0,3}(?:\{%(?!-)[ \t]*(?:if|elsif|else|endif|unless|endunless|for|endfor|capture|endcapture|assign|case|when|endcase|raw|endraw)\b[^%]*(?<!-)%\}[ \t]*)+$/, "")
    .gsub(/^[ \t]*\{%-?\s*highlight\s+(\w+)[^%]*%\}[ \t]*$/) { "~~~#{$1}" }
    .gsub(/^[ \t]*\{%-?\s*endhighlight\s*-?%\}[ \t]*$/) { "~~~" }
end

def facts(doc, kind, markdown)
  data = doc.data
  excerpt = data["excerpt"]
  # A page's `path` is relative to the source; a document's is absolute.
  raw = File.read(doc.site.in_source_dir(doc.relative_path), **Jekyll::Utils.merged_file_read_opts(doc.site, {}))
  source = raw.sub(Jekyll::Document::YAML_FRONT_MATTER_REGEXP, "")
  # Liquid prints a `{% raw %}` block's text as it is, without its tags; elsewhere, lines of silent tags are empty.
  body = source.split(/(\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\})/m).each_with_index.map do |part, i|
    i.odd? ? part.gsub(/\{%-?\s*(?:end)?raw\s*-?%\}/, "") : without_liquid_lines(part)
  end.join
  is_markdown = markdown.matches(doc.extname)
  {
    "path" => doc.relative_path,
    "kind" => kind,
    "url" => doc.url,
    "title" => jsonable(data["title"]),
    "date" => time_of(doc.respond_to?(:date) ? doc.date : data["date"]),
    "slug" => data["slug"],
    "categories" => jsonable(data["categories"]),
    "tags" => jsonable(data["tags"]),
    "published" => data.key?("published") ? jsonable(data["published"]) : nil,
    "layout" => data["layout"],
    "excerpt" => excerpt.is_a?(Jekyll::Excerpt) ? excerpt.content : jsonable(excerpt),
    # The excerpt's text as Jekyll cuts it from the body, before Liquid (only where Jekyll makes one).
    "excerptSource" => excerpt.is_a?(Jekyll::Excerpt) ? excerpt.send(:extract_excerpt, source.dup) : nil,
    "markdown" => is_markdown,
    "content" => doc.content,
    # The body converted without Liquid: where code differs from this, Liquid changed it.
    "plain" => is_markdown ? markdown.convert(body) : nil,
  }
end

documents = []
site.posts.docs.each { |d| documents << facts(d, "post", markdown) }
site.collections.each do |name, collection|
  next if name == "posts"
  collection.docs.each { |d| documents << facts(d, "collection", markdown) }
end
site.pages.each do |page|
  next unless page.is_a?(Jekyll::Page) && !page.is_a?(Jekyll::PageWithoutAFile) && File.exist?(site.in_source_dir(page.relative_path))
  documents << facts(page, "page", markdown)
end
puts JSON.generate({ "documents" => documents, "baseurl" => site.baseurl.to_s, "url" => site.config["url"].to_s, "stubbed" => stubbed })
