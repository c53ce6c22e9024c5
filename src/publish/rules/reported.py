"""Every finding id that is not a budget rule: reported by the engine, the descriptor checks, path safety
and each capability. They have no check function here; the first tag names the part that reports them.

An id is public API as much as a budget rule's: it appears in every output, in `--select/--skip`, in
`publish rules` and docs/rules.md. tests/test_rule_registry.py gathers every id the code emits and
checks it against this tuple and RULES.
"""

from __future__ import annotations

from publish.rules.base import Registered

R = Registered

# fmt: off
# id (public API), default severity, tags (the first names who reports it), title in Chinese, title in English
REPORTED: tuple[Registered, ...] = (
    # the record of a document's own inconsistencies, kept as published (rules/acknowledged.py)
    R("inconsistency-unmatched", "warning", ("inconsistencies",), "登记的原文不一致没有对应的检查结果（可能已更正）", "A recorded inconsistency of the document matches no finding (corrected?)"),
    R("inconsistency-not-a-rule", "error", ("inconsistencies",), "登记的原文不一致不是预算规则：结构错误不能登记", "A recorded inconsistency names no budget rule: structural errors cannot be recorded"),
    # the engine, while the tables load (frictionless's error types; the same with --engine frictionless)
    R("type-error", "error", ("structure",), "值的类型与字段类型不符", "A value is not of its field's type"),
    R("constraint-error", "error", ("structure",), "值不满足字段约束（必填、格式、取值、范围等）", "A value breaks a field constraint (required, pattern, enum, bounds …)"),
    R("primary-key", "error", ("structure",), "主键重复或为空：同一部门同一年度的同一项目只能有一行", "A primary key is duplicated or empty: one line per item, department and year"),
    R("foreign-key", "error", ("structure",), "引用的记录不存在（外键）", "A referenced record does not exist (foreign key)"),
    R("unique-error", "error", ("structure",), "要求唯一的值重复", "A value that must be unique is duplicated"),
    R("blank-row", "error", ("structure",), "空行", "A row is blank"),
    R("extra-cell", "error", ("structure",), "本行单元格比表头多", "A row has more cells than the header"),
    R("missing-cell", "error", ("structure",), "本行单元格比表头少", "A row has fewer cells than the header"),
    R("blank-label", "error", ("structure",), "表头有空列名", "A header label is blank"),
    R("duplicate-label", "error", ("structure",), "表头列名重复", "A header label is duplicated"),
    R("incorrect-label", "error", ("structure",), "表头列名与表结构不符", "A header label differs from the schema's field name"),
    R("extra-label", "error", ("structure",), "表头多出表结构中没有的列", "The header has a column the schema does not declare"),
    R("missing-label", "error", ("structure",), "表头缺少表结构中的列", "The header lacks a column the schema declares"),
    R("encoding-error", "error", ("structure",), "文件不是 UTF-8 编码", "A data file is not UTF-8"),
    R("utf8-bom", "warning", ("structure",), "文件以 UTF-8 BOM 开头（publish validate --fix 可去掉）", "A data file starts with a UTF-8 byte order mark (publish validate --fix removes it)"),
    R("source-error", "error", ("structure",), "无法读取文件（不是 CSV、行或文件过大）", "A data file cannot be read (not CSV, a line or the file too large)"),
    R("scheme-error", "error", ("structure",), "无法打开文件", "A data file cannot be opened"),
    R("format-error", "error", ("structure",), "文件格式无法识别", "A data file's format is not recognised"),
    R("hash-count", "error", ("structure",), "文件哈希值与描述文件记录的不符", "A data file's hash differs from the descriptor's"),
    R("byte-count", "error", ("structure",), "文件字节数与描述文件记录的不符", "A data file's size differs from the descriptor's"),
    R("unmatched-header", "error", ("structure",), "表头没有一列与表结构中的字段对应", "No column of the header matches a field of the schema"),
    R("row-count", "error", ("structure",), "行数与描述文件记录的不符", "A data file's row count differs from the descriptor's"),
    R("limit-exceeded", "error", ("structure", "security"), "超过 publish 的处理上限（字段数、枚举值数、正则耗时），未检查", "Beyond a limit of publish (fields, enum values, pattern time); not checked"),
    R("number-out-of-range", "error", ("structure",), "数值过大（超过 ±10¹⁵），不是可信的预算数字", "A number too large (beyond ±10^15) to be a budget figure"),
    # loading the package (path safety) and checking the descriptor and its schemas (frictionless)
    R("invalid-json", "error", ("descriptor",), "描述文件或表结构文件不是有效的 JSON", "The descriptor or a schema file is not valid JSON"),
    R("invalid-descriptor", "error", ("descriptor",), "描述文件无法使用（资源缺少名称、路径或表结构，或文件缺失）", "The descriptor cannot be used (a resource lacks its name, path or schema, or a file is missing)"),
    R("unsafe-path", "error", ("descriptor", "security"), "描述文件中的路径离开数据包（网址、绝对路径、..、链接），已拒绝", "A path in the descriptor leaves the package (URL, absolute, .., link) and is refused"),
    R("remote-reference", "error", ("descriptor", "security"), "描述文件引用外部文档（profile、$schema、外键的 package 等），从不下载，已拒绝", "The descriptor refers to a document elsewhere (profile, $schema, a foreign key's package …), never fetched, refused"),
    R("invalid-name", "error", ("descriptor", "security"), "数据包或资源的 name 不是标识符（小写字母、数字和 . _ -，不能含 /、..、空白）", "A package or resource name is not an identifier (lowercase letters, digits, . _ -; no /, .., whitespace)"),
    R("invalid-version", "error", ("descriptor",), "version 不是“主版本.次版本.修订号”形式的语义化版本", "The version is not a semantic version MAJOR.MINOR.PATCH"),
    R("descriptor-text", "error", ("descriptor", "security"), "描述文件或表结构中的文字含有控制字符或无效字符，无法写出", "Text in the descriptor or a schema holds a control or invalid character no output can carry"),
    R("package-error", "error", ("descriptor",), "数据包描述不符合 Data Package 规范", "The package descriptor breaks the Data Package spec"),
    R("resource-error", "error", ("descriptor",), "资源描述不符合 Data Package 规范", "A resource breaks the Data Package spec"),
    R("dialect-error", "error", ("descriptor",), "资源的 CSV 方言（dialect）不符合规范", "A resource's CSV dialect breaks the spec"),
    R("control-error", "error", ("descriptor",), "资源的格式控制项不符合规范", "A resource's format control breaks the spec"),
    R("schema-error", "error", ("descriptor",), "表结构不符合 Table Schema 规范或无法使用", "A table schema breaks the Table Schema spec or cannot be used"),
    R("field-error", "error", ("descriptor",), "字段描述不符合 Table Schema 规范", "A field breaks the Table Schema spec"),
    # publish add: reading the submission
    R("submission-not-xlsx", "error", ("submission",), "报送不是 .xlsx 工作簿或 CSV 文件夹", "The submission is neither an .xlsx workbook nor a folder of CSV files"),
    R("submission-unsafe", "error", ("submission", "security"), "报送文件过大或含有不安全的内容（压缩炸弹、DOCTYPE、过多单元格），未读取", "A submission file is too large or unsafe (a zip bomb, a DOCTYPE, too many cells) and was not read"),
    R("submission-hidden-sheet", "error", ("submission", "security"), "工作簿中有隐藏的工作表（模板自带的除外），不予读取", "The workbook has a hidden sheet (other than the template's own), which is not read"),
    R("submission-symlink", "error", ("submission", "security"), "CSV 文件夹中有符号链接，从不跟随", "The CSV folder holds a symbolic link, which is never followed"),
    R("package-locked", "error", ("submission",), "另一个 publish add 正在合并到本数据包，未做任何更改", "Another publish add is merging into the package; nothing was changed"),
    R("submission-unreadable", "error", ("submission",), "报送文件无法读取（已损坏或不是 CSV）", "A submission file cannot be read (damaged, or not CSV)"),
    R("submission-empty", "error", ("submission",), "文件夹中没有 CSV 文件", "The folder holds no CSV file"),
    R("submission-encoding", "error", ("submission",), "CSV 文件既不是 UTF-8 也不是 GB18030/GBK", "A CSV file is neither UTF-8 nor GB18030/GBK"),
    R("submission-unknown-file", "error", ("submission",), "CSV 文件名不是可报送的表", "A CSV file is not named after a submitted table"),
    R("submission-unknown-sheet", "error", ("submission",), "工作表不是可报送的表", "A sheet is not a submitted table"),
    R("submission-missing-sheet", "error", ("submission",), "缺少模板中的工作表", "A sheet of the template is missing"),
    R("submission-no-header", "error", ("submission",), "前几行中找不到表头", "No header row among the first rows"),
    R("submission-unknown-column", "error", ("submission",), "表头中有不是本表字段的列", "A header column is not a field of the table"),
    R("submission-duplicate-column", "error", ("submission",), "表头中某列重复出现", "A header column appears twice"),
    R("submission-missing-column", "error", ("submission",), "表头缺少本表的字段", "The header lacks a field of the table"),
    R("submission-value-outside-columns", "error", ("submission",), "没有表头的列中有值", "A value sits in a column without a header"),
    R("submission-formula-not-computed", "error", ("submission",), "公式没有计算结果（文件不是由 Excel 保存的）", "A formula has no computed value (the file was not saved by Excel)"),
    R("submission-not-a-number", "error", ("submission", "amounts"), "数字单元格不是数字（写了单位“元”、文字或多个数）", "A number cell holds no plain number (元, words or several numbers)"),
    R("submission-not-a-whole-number", "error", ("submission",), "整数单元格不是整数", "A whole-number cell holds a fraction"),
    R("submission-department-year-unclear", "error", ("submission",), "无法判断报送属于哪个部门年度", "The submission's department-year cannot be told"),
    R("submission-claim-mismatch", "error", ("submission",), "报送的部门年度不是所指定的", "The submission is for another department-year than the one requested"),
    R("submission-key-mismatch", "error", ("submission",), "行的部门或年度与本报送不符", "A row's department or year differs from the submission's"),
    R("submission-missing-line", "error", ("submission", "completeness"), "缺少必须公开的行", "A line every disclosure lists is missing"),
    R("submission-blank-amount", "error", ("submission", "completeness"), "必须公开的行金额为空（没有的填 0）", "A required line's amount is blank (enter 0 for none)"),
    # publish add: Excel habits undone, each a note (the meaning is unchanged)
    R("normalised-whitespace", "warning", ("submission", "normalised"), "去掉首尾空格", "Leading and trailing spaces removed"),
    R("normalised-full-width", "warning", ("submission", "normalised"), "全角字符改为半角", "Full-width characters made half-width"),
    R("normalised-thousands-separator", "warning", ("submission", "normalised"), "去掉千位分隔符", "Thousands separators removed"),
    R("normalised-wanyuan-suffix", "warning", ("submission", "normalised"), "去掉“万元”单位后缀", "The unit suffix 万元 removed"),
    R("normalised-number-text", "warning", ("submission", "normalised"), "以文本存储的数字按数字读取", "A number stored as text read as a number"),
    R("normalised-excel-number", "warning", ("submission", "normalised"), "按 Excel 显示的数值读取", "A number read as Excel displays it"),
    R("normalised-merged-cell", "warning", ("submission", "normalised"), "合并单元格的值填入其覆盖的每一格", "A merged cell's value filled into every cell it covers"),
    R("normalised-key-filled", "warning", ("submission", "normalised"), "空白的键值按本报送的部门年度填入", "A blank key filled in from the submission's department-year"),
    R("normalised-title-rows", "warning", ("submission", "normalised"), "跳过表头上方的标题行", "The title rows above the header skipped"),
    R("normalised-bom", "warning", ("submission", "normalised"), "去掉 UTF-8 BOM", "The UTF-8 BOM removed"),
    R("normalised-encoding-gb18030", "warning", ("submission", "normalised"), "非 UTF-8 的 CSV 按 GB18030（兼容 GBK）读取", "A CSV that is not UTF-8 read as GB18030 (covers GBK)"),
    # publish extract --check: the explanation text against the tables
    R("text-table-mismatch", "error", ("extract",), "说明文本的数字与表中不符", "A figure the text states differs from the table's"),
    R("text-figure-missing-from-table", "error", ("extract",), "说明文本陈述的行表中没有", "A line the text states is missing from the table"),
    R("table-figure-not-in-text", "warning", ("extract",), "表中有数，说明文本却未陈述", "The table holds a figure the text does not state"),
    # publish verify, diff and release: the release's files and the compared versions
    R("unsafe-archive", "error", ("release", "security"), "发布 zip 无法读取或不安全（路径、条目数、解压大小），已拒绝", "A release zip is unreadable or unsafe (paths, entries, unpacked size) and is refused"),
    R("sums-missing", "error", ("release",), "发布中缺少 SHA256SUMS 文件", "The release has no SHA256SUMS file"),
    R("sums-unreadable", "error", ("release",), "SHA256SUMS 中有无法识别的行", "A line of SHA256SUMS is not '<hash>  <file>'"),
    R("file-missing", "error", ("release",), "SHA256SUMS 列出的文件不存在", "A file listed in SHA256SUMS is missing"),
    R("sha256-mismatch", "error", ("release",), "文件内容与 SHA256SUMS 中的哈希值不符", "A file does not match its hash in SHA256SUMS"),
    R("file-unlisted", "error", ("release",), "文件不在 SHA256SUMS 中", "A file is not listed in SHA256SUMS"),
    R("release-hash-missing", "error", ("release",), "描述文件未记录数据文件的 bytes 或 hash", "The descriptor records no bytes or hash for a data file"),
    R("bytes-mismatch", "error", ("release",), "数据文件字节数与描述文件记录的 bytes 不符", "A data file's size differs from the bytes the descriptor records"),
    R("hash-mismatch", "error", ("release",), "数据文件的 sha256 与描述文件记录的 hash 不符", "A data file's sha256 differs from the hash the descriptor records"),
    R("unreadable-data", "error", ("release",), "所比较版本的数据文件无法按 UTF-8 CSV 读取", "A data file of a compared version cannot be read as UTF-8 CSV"),
    # publish catalog: the catalog record of a release
    R("catalog-file-missing", "error", ("catalog",), "数据文件不存在，无法计算大小与校验和", "A data file is missing, so its size and checksum are unknown"),
    R("catalog-publisher-missing", "error", ("catalog",), "描述文件没有角色为 publisher 的发布机构", "No contributor of the descriptor has the role publisher"),
    R("catalog-no-fiscal-year", "error", ("catalog",), "disclosures 中没有任何预算年度", "The disclosures hold no fiscal year"),
    R("catalog-description-length", "error", ("catalog",), "description 的中文或英文段落不在 50–5000 个字符之间", "The Chinese or English paragraph of description is not 50 to 5,000 characters"),
    # publish site: the portal pages
    R("unreadable-file", "error", ("site",), "数据文件无法按 UTF-8 CSV 读取", "A data file cannot be read as UTF-8 CSV"),
)
# fmt: on
